import {
  computeContextKeys,
  evaluateTrustPolicy,
  isPolicyError,
  type ContextKeySource,
} from '../../../core/policy.ts';
import type { JudgeTrust, TrustRequest } from './judge-trust.ts';

const TRANSITIVE_TAG_KEYS = 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys';

/**
 * The stand-in's IAM: a role's trust policy evaluated by the core's policy evaluator (the one the
 * CLI's --trust-policy explains with), fed the stand-in's own reading of the assertion (its Role
 * pair, session name, source identity and tags), never the lint's.
 */
export const judgeTrustWithIam: JudgeTrust = (role, request) => {
  const providerArn = request.role.providerArn;
  try {
    const context = computeContextKeys(contextSource(request), providerArn);
    const evaluation = evaluateTrustPolicy(role.trustPolicy, { providerArn, context });
    if (evaluation.allowed) return { allowed: true, reason: 'the trust policy allows it' };
    return {
      allowed: false,
      reason: `the trust policy of ${role.arn} refuses it: ${evaluation.reasons.map((reason) => reason.message).join('; ')}`,
    };
  } catch (error) {
    // ROLES.yaml is checked at start-up; a policy that still cannot be read refuses, as IAM would.
    if (isPolicyError(error))
      return { allowed: false, reason: `the trust policy of ${role.arn}: ${error.message}` };
    throw error;
  }
};

function contextSource({ saml, role, session }: TrustRequest): ContextKeySource {
  const principalTags = Object.create(null) as Record<string, string>;
  for (const tag of session.tags) principalTags[tag.key] = tag.value;
  const transitive = saml.attributes.find((attribute) => attribute.name === TRANSITIVE_TAG_KEYS);
  return {
    saml,
    aws: {
      roles: [role],
      sessionName: session.sessionName,
      principalTags,
      transitiveTagKeys: transitive ? [...transitive.values] : [],
      ...(session.sourceIdentity === undefined ? {} : { sourceIdentity: session.sourceIdentity }),
    },
  };
}
