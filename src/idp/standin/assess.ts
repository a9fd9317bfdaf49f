import {
  decodePostedForm,
  isSamlInputError,
  SAML_STATUS_SUCCESS,
  type SamlMessage,
} from '../../core/inspect.ts';
import {
  audiencesFor,
  iamSigninEndpoint,
  isAudienceAccepted,
  type StandInPartition,
} from './judge/aws-endpoints.ts';
import { refuse, type Refusal, type RefusalCode } from './judge/refusal.ts';
import { readRoles, type StandInRole } from './judge/role-values.ts';
import { readSessionAttributes, type SessionAttributes } from './judge/session-attributes.ts';
import { checkTimeWindow } from './judge/time-window.ts';
import { normaliseUrl } from './recipient.ts';
import type { TrustedIdp } from './trust.ts';
import { verifySamlResponse, type VerifyFailure } from './verify.ts';

export type { RefusalCode };

/** AWS's own limit on SAMLAssertion (STS API reference: length 4..100000). */
export const MAX_SAML_RESPONSE_LENGTH = 100_000;

export type Assessment =
  | {
      ok: true;
      saml: SamlMessage;
      idp: TrustedIdp;
      roles: StandInRole[];
      session: SessionAttributes;
    }
  | { ok: false; code: RefusalCode; reason: string };

/** Where the response arrived, which decides the Recipient and audience AWS expects. */
export type Arrival =
  /** Posted to a sign-in URL: Recipient (and Destination) must be that URL. */
  | { kind: 'signin'; url: string; partition?: StandInPartition }
  /**
   * Sent to STS: Recipient must be an IAM sign-in endpoint of the partition (or `ownSigninUrl`,
   * the stand-in's own /saml when it is reached by address, as in tests).
   */
  | { kind: 'sts'; partition: StandInPartition; ownSigninUrl: string }
  /**
   * Posted to IAM Identity Center's ACS: Recipient must be that URL; the audience is Identity
   * Center's own issuer and there are no Role or session attributes to read.
   */
  | { kind: 'identity-center'; url: string };

export interface AssessOptions {
  trusted: readonly TrustedIdp[];
  /** Epoch ms. */
  now: number;
  arrival: Arrival;
}

// AWS's words for a bad signature and an unknown issuer (IAM's "Troubleshoot SAML federation").
const VERIFY_WORDING: Record<VerifyFailure, string> = {
  malformed: 'Invalid SAML response',
  'untrusted-issuer': 'Issuer not present in specified provider',
  unsigned: 'Response signature invalid',
  'bad-signature': 'Response signature invalid',
  unsupported: 'Invalid SAML response',
};

/**
 * Decodes, verifies and judges a base64 SAMLResponse the way AWS sign-in and STS do, with the
 * stand-in's own checks from AWS's documentation (never the core's lint, so the two can be compared).
 */
export function assessSamlResponse(samlResponse: string, options: AssessOptions): Assessment {
  const refused = judge(samlResponse, options);
  return 'code' in refused ? { ok: false, code: refused.code, reason: refused.message } : refused;
}

function judge(
  samlResponse: string,
  options: AssessOptions,
): Refusal | Extract<Assessment, { ok: true }> {
  if (samlResponse.length > MAX_SAML_RESPONSE_LENGTH)
    return refuse(
      'InvalidIdentityToken',
      `the SAML response is ${samlResponse.length} characters of base64; AWS takes at most ${MAX_SAML_RESPONSE_LENGTH}`,
    );
  let verified: ReturnType<typeof verifySamlResponse>;
  try {
    // The extension's own reading of a posted SAMLResponse, so both see the same text or refuse.
    const decoded = decodePostedForm({ SAMLResponse: samlResponse });
    verified = verifySamlResponse(decoded.xml, options.trusted);
  } catch (error) {
    if (isSamlInputError(error)) return refuse('InvalidIdentityToken', error.message);
    throw error;
  }
  if (!verified.ok)
    return refuse(
      'InvalidIdentityToken',
      `${VERIFY_WORDING[verified.failure]}: ${verified.reason}`,
    );
  const { saml, idp } = verified;
  if (saml.status.code !== SAML_STATUS_SUCCESS)
    return refuse('IDPRejectedClaim', `the IdP reported status ${saml.status.code ?? '(none)'}`);
  const partition = checkRecipient(saml, options.arrival);
  if (typeof partition === 'object') return partition;
  if (options.arrival.kind === 'identity-center') {
    const window = checkTimeWindow(saml, options.now);
    return window ?? { ok: true, saml, idp, roles: [], session: { sessionName: '', tags: [] } };
  }
  const audience = checkAudience(saml, partition);
  if (audience) return audience;
  const window = checkTimeWindow(saml, options.now);
  if (window) return window;
  const roles = readRoles(saml.attributes);
  if (!Array.isArray(roles)) return roles;
  const session = readSessionAttributes(saml.attributes);
  if ('code' in session) return session;
  return { ok: true, saml, idp, roles, session };
}

/**
 * Recipient (required by the IAM guide) and Destination (when sent) name where the response
 * arrived. Returns the partition whose audience applies, undefined when reached by a local address
 * that names none.
 */
function checkRecipient(
  saml: SamlMessage,
  arrival: Arrival,
): StandInPartition | undefined | Refusal {
  const expected =
    arrival.kind === 'sts'
      ? `an AWS sign-in SAML endpoint of ${arrival.partition}`
      : `the URL this request reached (${arrival.url})`;
  const accepts = (url: string) =>
    arrival.kind === 'sts'
      ? iamSigninEndpoint(url)?.partition === arrival.partition ||
        normaliseUrl(url) === normaliseUrl(arrival.ownSigninUrl)
      : normaliseUrl(url) === normaliseUrl(arrival.url);
  if (saml.recipient === undefined)
    return refuse(
      'InvalidIdentityToken',
      `SubjectConfirmationData has no Recipient; it must be ${expected}`,
    );
  for (const [label, url] of [
    ['Recipient', saml.recipient],
    ['Destination', saml.destination],
  ] as const) {
    if (url !== undefined && !accepts(url))
      return refuse('InvalidIdentityToken', `${label} "${url}" is not ${expected}`);
  }
  return arrival.kind === 'identity-center' ? undefined : arrival.partition;
}

/** An Audience IAM accepts for the partition (any partition's when arrival names none). */
function checkAudience(
  saml: SamlMessage,
  partition: StandInPartition | undefined,
): Refusal | undefined {
  const partitions: StandInPartition[] = partition ? [partition] : ['aws', 'aws-us-gov', 'aws-cn'];
  if (saml.audiences.some((audience) => partitions.some((p) => isAudienceAccepted(audience, p))))
    return undefined;
  const sent = saml.audiences.length ? saml.audiences.map((a) => `"${a}"`).join(', ') : 'none';
  return refuse(
    'InvalidIdentityToken',
    `no Audience is one AWS accepts${partition ? ` in ${partition} (${audiencesFor(partition)})` : ''}: sent ${sent}`,
  );
}
