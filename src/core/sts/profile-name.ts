import { StsParameterError } from './errors.ts';

export const DEFAULT_PROFILE_TEMPLATE = '{accountAlias|accountId}-{roleName}';

export interface ProfileNameFacts {
  accountAlias?: string;
  accountId: string;
  /** With its path, e.g. `team/ReadOnly`; the slash becomes `-`. */
  roleName: string;
  partition: string;
  region?: string;
}

const PLACEHOLDERS: readonly (keyof ProfileNameFacts)[] = [
  'accountAlias',
  'accountId',
  'roleName',
  'partition',
  'region',
];
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Checks a template's syntax and placeholder names; throws one clear StsParameterError. */
export function checkProfileTemplate(template: string): void {
  const stray = template.replace(PLACEHOLDER, '').search(/[{}]/);
  if (stray >= 0)
    throw new StsParameterError(
      'profile-template-invalid',
      `profile template ${JSON.stringify(template)} has an unmatched brace`,
    );
  for (const [, inner] of template.matchAll(PLACEHOLDER)) {
    for (const name of inner!.split('|')) {
      if (!PLACEHOLDERS.includes(name.trim() as keyof ProfileNameFacts))
        throw new StsParameterError(
          'profile-template-invalid',
          `profile template ${JSON.stringify(template)}: unknown placeholder "${name.trim()}" (use ${PLACEHOLDERS.join(', ')}; "a|b" takes the first that is set)`,
        );
    }
  }
}

/**
 * A profile name from a template such as `{accountAlias|accountId}-{roleName}`: each placeholder
 * takes the first of its `|` alternatives that is set; the result keeps only characters that are
 * safe in an INI section name and on a command line.
 */
export function profileName(template: string, facts: ProfileNameFacts): string {
  checkProfileTemplate(template);
  const filled = template.replace(PLACEHOLDER, (_whole, inner: string) => {
    for (const name of inner.split('|')) {
      const value = facts[name.trim() as keyof ProfileNameFacts];
      if (value) return value;
    }
    return '';
  });
  const name = filled
    .replace(/[^A-Za-z0-9_.@+-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (name === '')
    throw new StsParameterError(
      'profile-template-invalid',
      `profile template ${JSON.stringify(template)} gives an empty name for ${facts.accountId}/${facts.roleName}`,
    );
  return name;
}
