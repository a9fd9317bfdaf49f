import { buildAwsView } from '../../../src/core/aws/view.ts';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import type { AwsView, KnownPartition, RolePair } from '../../../src/core/aws/types.ts';
import type { LintContext, Rule, RuleResult } from '../../../src/core/lint/types.ts';
import type { SamlAttribute, SamlMessage } from '../../../src/core/saml/model.ts';

/** The instant every fixture is valid at. */
export const NOW = new Date('2025-01-15T12:00:00Z');

export const ACCOUNT_ID = '123456789012';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/Developer`;
export const SECOND_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/team/ReadOnly`;
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT_ID}:saml-provider/ExampleIdP`;
export const IAM_SAML_ENDPOINT = 'https://signin.aws.amazon.com/saml';

export function attribute(name: string, ...values: string[]): SamlAttribute {
  return { name, values };
}

export function rolePair(roleArn: string, providerArn: string): RolePair {
  const [, partition = '', , , accountId = '', roleResource = ''] = roleArn.split(':');
  return {
    roleArn,
    providerArn,
    partition: partition as KnownPartition,
    accountId,
    roleName: roleResource.slice('role/'.length),
    providerName: providerArn.slice(providerArn.indexOf('/') + 1),
  };
}

function minutesFromNow(minutes: number): string {
  return new Date(NOW.getTime() + minutes * 60_000).toISOString();
}

/** A signed, current IAM federation response with two roles, a session name and one tag. */
export function validSaml(): SamlMessage {
  return {
    kind: 'response',
    responseId: '_response',
    assertionId: '_assertion',
    issueInstant: minutesFromNow(0),
    issuer: 'https://idp.example.com/metadata',
    destination: IAM_SAML_ENDPOINT,
    status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success' },
    nameId: {
      value: 'jane@example.com',
      format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    },
    audiences: ['urn:amazon:webservices'],
    recipient: IAM_SAML_ENDPOINT,
    notBefore: minutesFromNow(-1),
    notOnOrAfter: minutesFromNow(5),
    subjectNotOnOrAfter: minutesFromNow(5),
    authnInstant: minutesFromNow(0),
    sessionIndex: '_session',
    signatures: [{ on: 'assertion', referenceId: '_assertion', elementId: '_assertion' }],
    encryptedAssertion: false,
    namespaceProblems: [],
    attributes: [
      attribute(
        AWS_ATTRIBUTES.role,
        `${ROLE_ARN},${PROVIDER_ARN}`,
        `${PROVIDER_ARN},${SECOND_ROLE_ARN}`,
      ),
      attribute(AWS_ATTRIBUTES.roleSessionName, 'jane@example.com'),
      attribute(AWS_ATTRIBUTES.sessionDuration, '3600'),
      attribute(AWS_ATTRIBUTES.sourceIdentity, 'jane@example.com'),
      attribute(`${AWS_ATTRIBUTES.principalTagPrefix}team`, 'platform'),
      attribute(AWS_ATTRIBUTES.transitiveTagKeys, 'team'),
    ],
  };
}

/** What buildAwsView reads from `validSaml()`, written out (Role values aside) so drift shows. */
export function validAws(): Omit<AwsView, 'roleValues'> {
  return {
    roles: [rolePair(ROLE_ARN, PROVIDER_ARN), rolePair(SECOND_ROLE_ARN, PROVIDER_ARN)],
    roleProblems: [],
    roleAttributePresent: true,
    sessionName: 'jane@example.com',
    sessionDurationRaw: '3600',
    sessionDuration: 3600,
    sourceIdentity: 'jane@example.com',
    principalTags: { team: 'platform' },
    transitiveTagKeys: ['team'],
  };
}

/** Fields to replace; a field given as undefined is removed, as an IdP that leaves it out. */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

export interface ContextOverrides {
  saml?: Overrides<SamlMessage>;
  aws?: Overrides<AwsView>;
  /** null: the input's form is unknown (a message handed in already parsed). */
  input?: LintContext['input'] | null;
  now?: Date;
}

/** `base` with `overrides` applied; a field overridden with undefined is left out. */
export function applyOverrides<T extends object>(base: T, overrides: Overrides<T> = {}): T {
  const result = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result as T;
}

/** A valid context with the given parts replaced (shallowly). */
export function buildContext(overrides: ContextOverrides = {}): LintContext {
  const saml = applyOverrides(validSaml(), overrides.saml);
  const input =
    overrides.input === null
      ? {}
      : { input: overrides.input ?? { form: 'base64' as const, base64Length: 8_000 } };
  return {
    saml,
    // The real view of the message, so a test that changes attributes sees them read as AWS would.
    aws: applyOverrides(buildAwsView(saml), overrides.aws),
    ...input,
    now: overrides.now ?? NOW,
  };
}

/** The valid attributes with those of the same name replaced, and any others appended. */
export function withAttributes(...replacements: SamlAttribute[]): SamlAttribute[] {
  const names = new Set(replacements.map((replacement) => replacement.name));
  return [
    ...validSaml().attributes.filter((existing) => !names.has(existing.name)),
    ...replacements,
  ];
}

/** The valid attributes without those named. */
export function withoutAttributes(...names: string[]): SamlAttribute[] {
  return validSaml().attributes.filter((existing) => !names.includes(existing.name));
}

/** A context whose Role attribute has exactly these values. */
export function withRoleValues(...values: string[]): LintContext {
  return buildContext({
    saml: { attributes: withAttributes(attribute(AWS_ATTRIBUTES.role, ...values)) },
  });
}

/** An IAM Identity Center response: ACS recipient, its own audience, no IAM federation attributes. */
export function identityCenterContext(overrides: ContextOverrides = {}): LintContext {
  const acsUrl = 'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0123456789abcdef';
  return buildContext({
    ...overrides,
    saml: {
      destination: acsUrl,
      recipient: acsUrl,
      audiences: ['https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890'],
      attributes: [],
      ...overrides.saml,
    },
    aws: {
      roles: [],
      roleAttributePresent: false,
      sessionName: undefined,
      sessionDurationRaw: undefined,
      sessionDuration: undefined,
      sourceIdentity: undefined,
      principalTags: {},
      transitiveTagKeys: [],
      identityCenter: { acsUrl, region: 'us-east-1' },
      ...overrides.aws,
    },
  });
}

/** Runs one rule on the valid context with the given parts replaced. */
export function check(rule: Rule, overrides: ContextOverrides = {}): RuleResult[] {
  return rule.check(buildContext(overrides));
}
