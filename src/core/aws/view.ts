import type { SamlAttribute, SamlMessage } from '../saml/model.ts';
import { parseIamArn, type IamArn } from './arn.ts';
import { AWS_ATTRIBUTES } from './attributes.ts';
import { classifySamlEndpoint } from './endpoints.ts';
import type { AwsView, RolePair, RoleValueProblem } from './types.ts';

/** What AWS reads from the assertion: role pairs, session name and duration, tags. */
export function buildAwsView(saml: SamlMessage): AwsView {
  const roleValues: string[] = [];
  let roleAttributePresent = false;
  const principalTags: Record<string, string> = {};
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
  const { roles, problems } = readRolePairs(roleValues);
  const view: AwsView = {
    roles,
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
  if (identityCenter && !roleAttributePresent) view.identityCenter = identityCenter;
  return view;
}

function firstValue(attribute: SamlAttribute): string | undefined {
  const v = attribute.values[0];
  return v === undefined ? undefined : v.trim();
}

/** Reads `role,provider` pairs in either order; duplicates are listed once. */
export function readRolePairs(values: readonly string[]): {
  roles: RolePair[];
  problems: RoleValueProblem[];
} {
  const roles: RolePair[] = [];
  const problems: RoleValueProblem[] = [];
  const seen = new Set<string>();
  values.forEach((raw, index) => {
    const result = readRolePair(raw);
    if ('reason' in result) {
      problems.push({ value: raw, index, reason: result.reason });
      return;
    }
    const key = `${result.roleArn},${result.providerArn}`;
    if (seen.has(key)) return;
    seen.add(key);
    roles.push(result);
  });
  return { roles, problems };
}

function readRolePair(raw: string): RolePair | { reason: string } {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    return {
      reason: `expected exactly one role ARN and one saml-provider ARN separated by one comma, found ${describeParts(parts)}`,
    };
  }
  const parsed: IamArn[] = [];
  for (const part of parts) {
    const result = parseIamArn(part);
    if (!result.ok) return { reason: result.reason };
    parsed.push(result.arn);
  }
  const role = parsed.find((arn) => arn.resourceType === 'role');
  const provider = parsed.find((arn) => arn.resourceType === 'saml-provider');
  if (!role || !provider) {
    return {
      reason: `expected one role ARN and one saml-provider ARN, found two ${parsed[0]!.resourceType} ARNs`,
    };
  }
  const roleIndex = parsed.indexOf(role);
  return {
    roleArn: parts[roleIndex]!,
    providerArn: parts[1 - roleIndex]!,
    partition: role.partition,
    accountId: role.accountId,
    roleName: role.name,
    providerName: provider.name,
  };
}

function describeParts(parts: string[]): string {
  const empty = parts.filter((part) => part === '').length;
  return `${parts.length} comma-separated part${parts.length === 1 ? '' : 's'}${empty ? ` (${empty} empty)` : ''}`;
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
