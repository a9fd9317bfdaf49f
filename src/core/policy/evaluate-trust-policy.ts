import type { ContextKeys } from './context-keys.ts';
import { contextLookup, type ContextLookup } from './context-lookup.ts';
import { testCondition } from './conditions.ts';
import { globMatches, parseGlob } from './glob.ts';
import {
  readPolicyDocument,
  type PolicyDocument,
  type PolicyStatement,
  type PrincipalSet,
} from './policy-document.ts';
import { conditionReason, type TrustReason } from './trust-reason.ts';

export const ASSUME_ROLE_WITH_SAML = 'sts:AssumeRoleWithSAML';
export const TAG_SESSION = 'sts:TagSession';
export const SET_SOURCE_IDENTITY = 'sts:SetSourceIdentity';

/** One AssumeRoleWithSAML call as the role's trust policy sees it. */
export interface TrustRequest {
  /** The saml-provider ARN from the Role pair: the Federated principal. */
  providerArn: string;
  context: ContextKeys;
  /** The actions to authorise; by default those the context implies (see `requiredActions`). */
  actions?: readonly string[];
}

export interface TrustEvaluation {
  allowed: boolean;
  /** `explicit-deny` when a Deny statement applied; `implicit-deny` when no Allow did. */
  decision: 'allow' | 'explicit-deny' | 'implicit-deny';
  /** Empty when allowed; otherwise every statement and condition that decided, per action. */
  reasons: TrustReason[];
}

/**
 * The actions STS authorises for this call: AssumeRoleWithSAML, plus TagSession when session
 * tags are sent and SetSourceIdentity when a source identity is (IAM's session-tag and
 * source-identity guides: the trust policy must allow those too).
 */
export function requiredActions(context: ContextKeys): string[] {
  const lookup = contextLookup(context);
  const actions = [ASSUME_ROLE_WITH_SAML];
  if (lookup.values('aws:TagKeys') || lookup.values('sts:TransitiveTagKeys'))
    actions.push(TAG_SESSION);
  if (lookup.values('sts:SourceIdentity')) actions.push(SET_SOURCE_IDENTITY);
  return actions;
}

/**
 * Checks a trust policy without a request, for a caller that loads policies once (the stand-in's
 * roles file): throws the PolicyError evaluateTrustPolicy would, saying where.
 */
export function checkTrustPolicy(policy: unknown): void {
  readPolicyDocument(policy, 'trust');
}

/**
 * Evaluates a role trust policy (the JSON document as in IAM, parsed) for one request: an
 * explicit Deny wins, then any Allow whose Principal, Action and every condition match; nothing
 * else is allowed. Throws PolicyError, saying where, for a document IAM would refuse or this
 * evaluator cannot read.
 */
export function evaluateTrustPolicy(policy: unknown, request: TrustRequest): TrustEvaluation {
  const document = readPolicyDocument(policy, 'trust');
  const actions = request.actions ?? requiredActions(request.context);
  const reasons: TrustReason[] = [];
  let explicitDeny = false;
  const context = contextLookup(request.context);
  for (const action of actions) {
    const outcome = evaluateAction(document, request.providerArn, context, action);
    if (outcome.decision === 'allow') continue;
    explicitDeny ||= outcome.decision === 'explicit-deny';
    reasons.push(...outcome.reasons);
  }
  if (reasons.length === 0) return { allowed: true, decision: 'allow', reasons };
  return { allowed: false, decision: explicitDeny ? 'explicit-deny' : 'implicit-deny', reasons };
}

function evaluateAction(
  document: PolicyDocument,
  providerArn: string,
  context: ContextLookup,
  action: string,
): { decision: TrustEvaluation['decision']; reasons: TrustReason[] } {
  const denies: TrustReason[] = [];
  const misses: TrustReason[] = [];
  let allowed = false;
  for (const statement of document.statements) {
    const scope = scopeMiss(statement, providerArn, action);
    if (scope) {
      if (statement.effect === 'Allow') misses.push(scope);
      continue;
    }
    const outcomes = statement.conditions.map((test) => ({
      test,
      outcome: testCondition(test, context, document.variables),
    }));
    const failing = outcomes.filter(({ outcome }) => !outcome.holds);
    if (statement.effect === 'Deny') {
      if (failing.length > 0) continue;
      denies.push(
        ...(outcomes.length === 0
          ? [denyAll(action, statement)]
          : outcomes.map(({ test, outcome }) =>
              conditionReason(action, statement.label, test, outcome, 'explicit-deny'),
            )),
      );
    } else if (failing.length === 0) allowed = true;
    else
      misses.push(
        ...failing.map(({ test, outcome }) =>
          conditionReason(action, statement.label, test, outcome, 'condition'),
        ),
      );
  }
  if (denies.length > 0) return { decision: 'explicit-deny', reasons: denies };
  if (allowed) return { decision: 'allow', reasons: [] };
  if (misses.length === 0)
    misses.push({
      action,
      statement: null,
      check: 'no-allow',
      message: `no statement allows ${action}`,
    });
  return { decision: 'implicit-deny', reasons: misses };
}

/** Why a statement does not cover this principal and action, or undefined when it does. */
function scopeMiss(
  statement: PolicyStatement,
  providerArn: string,
  action: string,
): TrustReason | undefined {
  const base = { action, statement: statement.label };
  const label = JSON.stringify(statement.label);
  if (statement.principal && !principalMatches(statement.principal, providerArn))
    return {
      ...base,
      check: 'principal',
      message: `statement ${label}: its Principal does not name ${providerArn}${federated(statement.principal)}`,
    };
  if (statement.notPrincipal && principalMatches(statement.notPrincipal, providerArn))
    return {
      ...base,
      check: 'principal',
      message: `statement ${label}: its NotPrincipal names ${providerArn}`,
    };
  if (statement.action && !actionMatches(statement.action, action))
    return {
      ...base,
      check: 'action',
      message: `statement ${label}: its Action (${statement.action.join(', ')}) does not include ${action}${whyAction(action)}`,
    };
  if (statement.notAction && actionMatches(statement.notAction, action))
    return {
      ...base,
      check: 'action',
      message: `statement ${label}: its NotAction covers ${action}`,
    };
  return undefined;
}

function denyAll(action: string, statement: PolicyStatement): TrustReason {
  return {
    action,
    statement: statement.label,
    check: 'explicit-deny',
    message: `Deny statement ${JSON.stringify(statement.label)} applies to ${action} without conditions`,
  };
}

/** `"*"` and `{"AWS": "*"}` are everyone; otherwise the Federated list names the provider. */
function principalMatches(principal: PrincipalSet, providerArn: string): boolean {
  if (principal === '*') return true;
  if (principal.get('AWS')?.includes('*')) return true;
  const federated = principal.get('Federated') ?? [];
  return federated.includes('*') || federated.includes(providerArn);
}

function federated(principal: PrincipalSet): string {
  if (principal === '*') return '';
  const names = principal.get('Federated');
  return names ? ` (Federated: ${names.join(', ')})` : ' (no Federated principal)';
}

/** Action names ignore case and take `*` and `?` wildcards (`sts:AssumeRole*`). */
function actionMatches(patterns: readonly string[], action: string): boolean {
  return patterns.some((pattern) => globMatches(parseGlob(pattern), action, true));
}

function whyAction(action: string): string {
  if (action === TAG_SESSION) return ' (needed because the assertion sends session tags)';
  if (action === SET_SOURCE_IDENTITY) return ' (needed because the assertion sends SourceIdentity)';
  return '';
}
