import type { ContextKeys } from './context-keys.ts';
import { contextLookup } from './context-lookup.ts';
import { readPolicyDocument } from './policy-document.ts';
import { resolvePolicyValue } from './policy-variables.ts';

/**
 * The keys a SAML session's permission policies can use as variables: IAM lists
 * saml:namequalifier, saml:sub and saml:sub_type for them (the other saml:* keys exist only in
 * trust policies); session tags become aws:PrincipalTag/*, and a source identity aws:SourceIdentity.
 */
export function permissionPolicyContext(trust: ContextKeys): ContextKeys {
  const keys = Object.create(null) as Record<string, readonly string[]>;
  for (const name of ['saml:namequalifier', 'saml:sub', 'saml:sub_type']) {
    const values = trust[name];
    if (values) keys[name] = values;
  }
  for (const [name, values] of Object.entries(trust)) {
    if (name.startsWith('aws:RequestTag/'))
      keys[`aws:PrincipalTag/${name.slice('aws:RequestTag/'.length)}`] = values;
  }
  const sourceIdentity = trust['sts:SourceIdentity'];
  if (sourceIdentity) keys['aws:SourceIdentity'] = sourceIdentity;
  return keys;
}

/** A value as written and what it becomes for this session; `effective` null: no value. */
export interface ResolvedPolicyValue {
  written: string;
  effective: string | null;
  /** The variable that had no value (the statement then matches nothing in IAM). */
  unresolved?: string;
}

export interface ResolvedStatement {
  statement: string;
  effect: 'Allow' | 'Deny';
  actions: { not: boolean; values: string[] };
  resources: { not: boolean; values: ResolvedPolicyValue[] };
  conditions: { operator: string; key: string; values: ResolvedPolicyValue[] }[];
}

/**
 * A permission policy with its `${...}` variables replaced for one session, statement by
 * statement: the resources the session reaches (Auth0's AWS guide gives each user an S3 folder
 * with `arn:aws:s3:::bucket/${saml:sub}/*`). Throws PolicyError for a document IAM would refuse.
 */
export function resolvePermissionPolicy(
  policy: unknown,
  context: ContextKeys,
): ResolvedStatement[] {
  const document = readPolicyDocument(policy, 'permission');
  const lookup = contextLookup(context);
  const resolve = (written: string): ResolvedPolicyValue => {
    const resolved = resolvePolicyValue(written, (key) => lookup.single(key), document.variables);
    return resolved.ok
      ? { written, effective: resolved.text }
      : { written, effective: null, unresolved: resolved.variable };
  };
  return document.statements.map((statement) => ({
    statement: statement.label,
    effect: statement.effect,
    actions: statement.action
      ? { not: false, values: statement.action }
      : { not: true, values: statement.notAction ?? [] },
    resources: statement.resource
      ? { not: false, values: statement.resource.map(resolve) }
      : { not: true, values: (statement.notResource ?? []).map(resolve) },
    conditions: statement.conditions.map((test) => ({
      operator: test.operator,
      key: test.key,
      values:
        test.base === 'Bool' || test.base === 'Null'
          ? test.values.map((written) => ({ written, effective: written }))
          : test.values.map(resolve),
    })),
  }));
}
