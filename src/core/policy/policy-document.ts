import { PolicyError } from './policy-error.ts';

/** The condition operators evaluated here; each also takes an `IfExists` suffix. */
export const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'ArnEquals',
  'ArnNotEquals',
  'ArnLike',
  'ArnNotLike',
  'Bool',
  'Null',
] as const;
export type BaseOperator = (typeof CONDITION_OPERATORS)[number];

// IAM operators that no SAML key feeds: refused by name rather than misread.
const NOT_EVALUATED = /^(Numeric|Date|IpAddress|NotIpAddress|BinaryEquals)/;

/** One key under one operator: `"StringLike": { "saml:sub": ["a*", "b*"] }`. */
export interface ConditionTest {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  base: BaseOperator;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  key: string;
  values: string[];
}

export interface PolicyStatement {
  /** The Sid, or `#N` (1-based) when there is none: how reasons name the statement. */
  label: string;
  /** Where errors point: `Statement[N]` with the Sid. */
  where: string;
  effect: 'Allow' | 'Deny';
  principal?: PrincipalSet;
  notPrincipal?: PrincipalSet;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  conditions: ConditionTest[];
}

/** `"*"`, or principal type -> values (`{ "Federated": [...] }`). */
export type PrincipalSet = '*' | ReadonlyMap<string, string[]>;

export interface PolicyDocument {
  version?: string;
  /** Only "2012-10-17" replaces `${...}` policy variables. */
  variables: boolean;
  statements: PolicyStatement[];
}

// IAM's quotas page: a policy document holds only tab, line feed, carriage return and U+0020 to
// U+00FF; IAM refuses anything else as a malformed document.
const OUTSIDE_POLICY_CHARACTERS = /[^\t\n\r\u0020-\u00ff]/u;

/** The text, or a PolicyError naming the first character IAM would refuse in a policy. */
function policyText(text: string, where: string): string {
  const bad = OUTSIDE_POLICY_CHARACTERS.exec(text)?.[0];
  if (bad === undefined) return text;
  const code = `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new PolicyError(
    `character ${code} is not allowed in an IAM policy (only tab, line feed, carriage return and U+0020 to U+00FF)`,
    where,
  );
}

const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

/**
 * Reads an IAM policy document (already JSON-parsed), refusing what IAM would refuse and naming
 * where: an unknown element, a missing or bad Effect, an operator this evaluator does not
 * know. `kind` decides the shape: a trust policy needs a Principal and has no Resource; a
 * permission policy is the other way round.
 */
export function readPolicyDocument(json: unknown, kind: 'trust' | 'permission'): PolicyDocument {
  if (!isObject(json)) throw new PolicyError('a policy is a JSON object', 'policy');
  for (const field of Object.keys(json))
    if (field !== 'Version' && field !== 'Id' && field !== 'Statement')
      throw new PolicyError(
        `unknown element "${field}" (expected Version, Id, Statement)`,
        'policy',
      );
  const version = json['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17')
    throw new PolicyError(
      `Version ${JSON.stringify(version)} is neither "2012-10-17" nor "2008-10-17"`,
      'policy',
    );
  const raw = json['Statement'];
  if (raw === undefined) throw new PolicyError('no Statement', 'policy');
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw new PolicyError('Statement is empty', 'policy');
  const statements = list.map((statement, index) => readStatement(statement, index, kind));
  return {
    ...(typeof version === 'string' ? { version } : {}),
    variables: version === '2012-10-17',
    statements,
  };
}

function readStatement(
  json: unknown,
  index: number,
  kind: 'trust' | 'permission',
): PolicyStatement {
  let where = `Statement[${index}]`;
  if (!isObject(json)) throw new PolicyError('a statement is a JSON object', where);
  const sid = json['Sid'];
  if (sid !== undefined && typeof sid !== 'string') throw new PolicyError('Sid is a string', where);
  if (sid) where += ` (Sid ${JSON.stringify(policyText(sid, where))})`;
  for (const field of Object.keys(json))
    if (!STATEMENT_FIELDS.has(field)) throw new PolicyError(`unknown element "${field}"`, where);
  const effect = json['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny')
    throw new PolicyError(
      `Effect is ${JSON.stringify(effect ?? null)}, expected "Allow" or "Deny"`,
      where,
    );
  const statement: PolicyStatement = {
    label: sid ? sid : `#${index + 1}`,
    where,
    effect,
    conditions: readConditions(json['Condition'], `${where}.Condition`),
  };
  const principal = oneOf(json, 'Principal', 'NotPrincipal', where, kind === 'trust');
  if (kind === 'trust' && !principal)
    throw new PolicyError('a trust policy statement needs a Principal', where);
  if (principal)
    statement[principal.field === 'Principal' ? 'principal' : 'notPrincipal'] = readPrincipal(
      principal.value,
      `${where}.${principal.field}`,
    );
  const action = oneOf(json, 'Action', 'NotAction', where, true);
  if (!action) throw new PolicyError('no Action or NotAction', where);
  statement[action.field === 'Action' ? 'action' : 'notAction'] = readStrings(
    action.value,
    `${where}.${action.field}`,
  );
  const resource = oneOf(json, 'Resource', 'NotResource', where, true);
  if (kind === 'trust' && resource)
    throw new PolicyError(`a trust policy has no ${resource.field} (IAM refuses it)`, where);
  if (kind === 'permission' && !resource)
    throw new PolicyError('no Resource or NotResource', where);
  if (resource)
    statement[resource.field === 'Resource' ? 'resource' : 'notResource'] = readStrings(
      resource.value,
      `${where}.${resource.field}`,
    );
  return statement;
}

function oneOf(
  json: Record<string, unknown>,
  field: string,
  negated: string,
  where: string,
  exclusive: boolean,
): { field: string; value: unknown } | undefined {
  const has = json[field] !== undefined;
  const hasNot = json[negated] !== undefined;
  if (has && hasNot && exclusive) throw new PolicyError(`both ${field} and ${negated}`, where);
  if (has) return { field, value: json[field] };
  if (hasNot) return { field: negated, value: json[negated] };
  return undefined;
}

function readPrincipal(json: unknown, where: string): PrincipalSet {
  if (json === '*') return '*';
  if (!isObject(json))
    throw new PolicyError('expected "*" or an object such as {"Federated": "arn:..."}', where);
  const map = new Map<string, string[]>();
  for (const [type, values] of Object.entries(json))
    map.set(policyText(type, where), readStrings(values, `${where}.${type}`));
  return map;
}

function readStrings(json: unknown, where: string): string[] {
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) throw new PolicyError('is an empty list', where);
  return list.map((value, i) => {
    const at = Array.isArray(json) ? `${where}[${i}]` : where;
    if (typeof value !== 'string')
      throw new PolicyError(`expected a string, got ${describe(value)}`, at);
    return policyText(value, at);
  });
}

function readConditions(json: unknown, where: string): ConditionTest[] {
  if (json === undefined) return [];
  if (!isObject(json)) throw new PolicyError('Condition is an object of operators', where);
  const tests: ConditionTest[] = [];
  for (const [operator, block] of Object.entries(json)) {
    const at = `${where}.${policyText(operator, where)}`;
    const parsed = parseOperator(operator, at);
    if (!isObject(block)) throw new PolicyError('expected an object of condition keys', at);
    for (const [key, raw] of Object.entries(block)) {
      const values = readConditionValues(raw, `${at}.${JSON.stringify(policyText(key, at))}`);
      if (parsed.base === 'Null' || parsed.base === 'Bool')
        for (const value of values)
          if (value !== 'true' && value !== 'false')
            throw new PolicyError(
              `${parsed.base} takes "true" or "false", got ${JSON.stringify(value)}`,
              `${at}.${JSON.stringify(key)}`,
            );
      tests.push({ operator, ...parsed, key, values });
    }
  }
  return tests;
}

function parseOperator(
  operator: string,
  where: string,
): Omit<ConditionTest, 'operator' | 'key' | 'values'> {
  let rest = operator;
  let set: 'ForAnyValue' | 'ForAllValues' | undefined;
  for (const prefix of ['ForAnyValue', 'ForAllValues'] as const)
    if (rest.startsWith(`${prefix}:`)) {
      set = prefix;
      rest = rest.slice(prefix.length + 1);
    }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  if (NOT_EVALUATED.test(rest))
    throw new PolicyError(
      `operator ${operator} is not supported here: no SAML context key is a number, date, IP address or binary`,
      where,
    );
  const base = CONDITION_OPERATORS.find((known) => known === rest);
  if (!base)
    throw new PolicyError(
      `unknown condition operator "${operator}" (known: ${CONDITION_OPERATORS.join(', ')}, with ForAnyValue:/ForAllValues: and IfExists)`,
      where,
    );
  if (base === 'Null' && (ifExists || set))
    throw new PolicyError(`${operator}: Null takes no IfExists or set prefix`, where);
  return { base, ...(set ? { set } : {}), ifExists };
}

/** Condition values: a string, number or boolean, or a list of them (IAM reads all as text). */
function readConditionValues(json: unknown, where: string): string[] {
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) throw new PolicyError('is an empty list', where);
  return list.map((value) => {
    if (typeof value === 'string') return policyText(value, where);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new PolicyError(`expected a string, number or boolean, got ${describe(value)}`, where);
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
