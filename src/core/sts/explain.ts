import { DEFAULT_MAX_SESSION_DURATION } from './duration.ts';
import type { StsError } from './types.ts';

export interface ExplainContext {
  /** The DurationSeconds that was asked for, if any. */
  requestedDurationSeconds?: number;
  /** The role's MaxSessionDuration when the caller knows it (AWS does not say it in the error). */
  maxSessionDuration?: number;
}

type Explanation = Pick<StsError, 'meaning' | 'action' | 'retryDurationSeconds'>;

const FRESH = 'Sign in through your IdP again to capture a fresh assertion, then retry.';

// No prototype: the code comes from the STS answer, and `constructor` must not find Object's.
const BY_CODE = Object.assign(Object.create(null) as Record<string, Explanation>, {
  InvalidIdentityToken: {
    meaning:
      'STS could not validate the SAML assertion: its signature, issuer, audience or recipient does not match the SAML provider IAM trusts, or the assertion was changed.',
    action:
      "Check that the SAML provider's metadata in IAM has the IdP's current signing certificate and that the assertion's audience and recipient are AWS's; inspect the assertion's findings.",
  },
  ExpiredTokenException: {
    meaning:
      'The SAML assertion is outside its validity window (NotOnOrAfter has passed; IdPs usually allow about 5 minutes).',
    action: FRESH,
  },
  IDPRejectedClaim: {
    meaning:
      'The identity provider reported a failure in the response, or AWS rejected one of its claims.',
    action:
      "Check the response's status and the IdP's attribute mappings (Role, RoleSessionName), then sign in again.",
  },
  AccessDenied: {
    meaning:
      "The role's trust policy does not let this SAML provider assume it, or the assertion does not pair this role with this provider.",
    action:
      'Check that the trust policy allows sts:AssumeRoleWithSAML for the provider ARN (and its SAML:aud condition), and that the Role attribute lists this role with this provider.',
  },
  RegionDisabledException: {
    meaning: 'STS is not activated in this region for the account.',
    action:
      'Activate the region in IAM account settings (Security Token Service), or use another region or the global endpoint.',
  },
  PackedPolicyTooLarge: {
    meaning: 'The session tags (PrincipalTag attributes) in the assertion are too large.',
    action: 'Send fewer or shorter PrincipalTag attributes from the IdP.',
  },
  Throttling: {
    meaning: 'STS is rate-limiting these requests.',
    action: 'Wait a few seconds and retry, with fewer roles at once.',
  },
  NetworkError: {
    meaning: 'No answer arrived: the endpoint could not be reached.',
    action:
      'Check the network, proxy and VPN, and the endpoint URL (a custom STS endpoint, if one is set).',
  },
  UnexpectedResponse: {
    meaning: 'The endpoint answered with something that is not an STS response.',
    action:
      'Check the endpoint URL points at STS (a custom STS endpoint, if one is set) and that no proxy or captive portal is answering instead.',
  },
});

/** What an STS error code means and what to do about it, for a person. */
export function explainStsError(
  code: string,
  message: string,
  context: ExplainContext = {},
): Explanation {
  if (code === 'ValidationError' && /exceeds the MaxSessionDuration/i.test(message)) {
    const retry = context.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
    return {
      meaning: `The requested session length${context.requestedDurationSeconds ? ` (${context.requestedDurationSeconds} s)` : ''} is longer than the role's maximum session duration.`,
      action: `Retry with ${retry} seconds${context.maxSessionDuration === undefined ? " (AWS's default maximum)" : ''}, or raise the role's maximum session duration in IAM.`,
      retryDurationSeconds: retry,
    };
  }
  if (code === 'ValidationError')
    return {
      meaning: 'STS refused a request parameter.',
      action: "Correct the parameter AWS's message names and retry.",
    };
  return (
    BY_CODE[code] ?? {
      meaning: 'STS refused the request.',
      action: "See AWS's message; the AssumeRoleWithSAML documentation lists this code.",
    }
  );
}
