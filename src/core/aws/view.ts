import type { SamlAttribute, SamlMessage } from '../saml/model.ts';
import { AWS_ATTRIBUTES } from './attributes.ts';
import { classifySamlEndpoint } from './endpoints.ts';
import { readRoleValue, roleValueProblem } from './role-values.ts';
import type { AwsView, RolePair, RoleValue, RoleValueProblem } from './types.ts';

/** What AWS reads from the assertion: role pairs, session name and duration, tags. */
export function buildAwsView(saml: SamlMessage): AwsView {
  const roleValues: string[] = [];
  let roleAttributePresent = false;
  // No prototype: tag keys come from the input, and `constructor` or `__proto__` are keys too.
  const principalTags = Object.create(null) as Record<string, string>;
  const transitiveTagKeys: string[] = [];
  const first = new Map<string, string>();
  for (const attribute of saml.attributes) {
    const name = attribute.name.trim();
    if (name === AWS_ATTRIBUTES.role) {
      roleAttributePresent = true;
      roleValues.push(...attribute.values);
    } else if (name.startsWith(AWS_ATTRIBUTES.principalTagPrefix)) {
      const key = name.slice(AWS_ATTRIBUTES.principalTagPrefix.length);
      if (!(key in principalTags)) principalTags[key] = (attribute.values[0] ?? '').trim();
    } else if (name === AWS_ATTRIBUTES.transitiveTagKeys) {
      for (const v of attribute.values) if (v.trim() !== '') transitiveTagKeys.push(v.trim());
    } else if (!first.has(name)) {
      const v = firstValue(attribute);
      if (v !== undefined) first.set(name, v);
    }
  }
  const { roles, problems, roleValues: values } = readRolePairs(roleValues);
  const view: AwsView = {
    roles,
    roleValues: values,
    roleProblems: problems,
    roleAttributePresent,
    principalTags,
    transitiveTagKeys,
  };
  const sessionName = first.get(AWS_ATTRIBUTES.roleSessionName);
  const duration = first.get(AWS_ATTRIBUTES.sessionDuration);
  const sourceIdentity = first.get(AWS_ATTRIBUTES.sourceIdentity);
  if (sessionName !== undefined) view.sessionName = sessionName;
  if (duration !== undefined) {
    view.sessionDurationRaw = duration;
    if (/^\d{1,9}$/.test(duration)) view.sessionDuration = Number(duration);
  }
  if (sourceIdentity !== undefined) view.sourceIdentity = sourceIdentity;
  const identityCenter = identityCenterOf(saml);
  // Keyed on no usable-looking Role value: some IdPs send an empty Role attribute to Identity Center.
  if (identityCenter && roleValues.every((value) => value.trim() === ''))
    view.identityCenter = identityCenter;
  return view;
}

function firstValue(attribute: SamlAttribute): string | undefined {
  const v = attribute.values[0];
  return v === undefined ? undefined : v.trim();
}

/** Reads every Role value once; usable pairs are listed once each, the rest with a reason. */
export function readRolePairs(values: readonly string[]): {
  roles: RolePair[];
  problems: RoleValueProblem[];
  roleValues: RoleValue[];
} {
  const roleValues = values.map(readRoleValue);
  const roles: RolePair[] = [];
  const problems: RoleValueProblem[] = [];
  const seen = new Set<string>();
  for (const value of roleValues) {
    const pair = value.pair;
    if (!pair) {
      problems.push({ value: value.raw, index: value.index, reason: roleValueProblem(value)! });
      continue;
    }
    const key = `${pair.roleArn},${pair.providerArn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    roles.push(pair);
  }
  return { roles, problems, roleValues };
}

function identityCenterOf(saml: SamlMessage): AwsView['identityCenter'] {
  for (const url of [saml.recipient, saml.destination]) {
    if (!url) continue;
    const endpoint = classifySamlEndpoint(url);
    if (endpoint?.kind === 'identity-center')
      return { acsUrl: url, ...(endpoint.region ? { region: endpoint.region } : {}) };
  }
  return undefined;
}
