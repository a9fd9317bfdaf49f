import {
  type AwsView,
  buildAwsView,
  decodePostedForm,
  type DecodedInput,
  type Finding,
  isSamlInputError,
  lint,
  RULES,
  SAML_STATUS_SUCCESS,
  type SamlMessage,
} from '../../core/inspect.ts';
import type { TrustedIdp } from './trust.ts';
import { verifySamlResponse } from './verify.ts';

/** Why AWS would refuse, in the STS error vocabulary the sign-in page and STS both derive from. */
export type RejectionCode = 'InvalidIdentityToken' | 'ExpiredTokenException' | 'IDPRejectedClaim';

export type Assessment =
  | { ok: true; saml: SamlMessage; aws: AwsView; idp: TrustedIdp }
  | { ok: false; code: RejectionCode; reason: string };

export interface AssessOptions {
  trusted: readonly TrustedIdp[];
  now: Date;
  /** Recipient (and Destination, when sent) must be one of these, e.g. `https://HOST/saml`. */
  acceptRecipient: (url: string) => boolean;
  /** Names the recipients accepted, for the message when none matches. */
  recipientHint: string;
}

// The stand-in checks Recipient/Destination against the host it was reached on itself, so a local
// `http://127.0.0.1:PORT/saml` ACS works in tests; every other core rule applies as written.
const RULES_APPLIED = RULES.filter((rule) => rule.code !== 'recipient-not-aws');
const EXPIRY_RULES = new Set(['assertion-expired', 'assertion-not-yet-valid']);

/** Decodes, verifies and checks a base64 SAMLResponse the way AWS sign-in and STS do. */
export function assessSamlResponse(samlResponse: string, options: AssessOptions): Assessment {
  let decoded: DecodedInput;
  let verified: ReturnType<typeof verifySamlResponse>;
  try {
    // The extension's own reading of a posted SAMLResponse, so both see the same text or refuse.
    decoded = decodePostedForm({ SAMLResponse: samlResponse });
    verified = verifySamlResponse(decoded.xml, options.trusted);
  } catch (error) {
    if (isSamlInputError(error))
      return { ok: false, code: 'InvalidIdentityToken', reason: error.message };
    throw error;
  }
  if (!verified.ok) return { ok: false, code: 'InvalidIdentityToken', reason: verified.reason };
  const { saml, idp } = verified;
  const aws = buildAwsView(saml);
  if (saml.status.code !== SAML_STATUS_SUCCESS) {
    return {
      ok: false,
      code: 'IDPRejectedClaim',
      reason: `the IdP reported status ${saml.status.code ?? '(none)'}`,
    };
  }
  for (const [label, url] of [
    ['Recipient', saml.recipient],
    ['Destination', saml.destination],
  ] as const) {
    if (label === 'Destination' && url === undefined) continue;
    if (url === undefined || !options.acceptRecipient(url)) {
      return {
        ok: false,
        code: 'InvalidIdentityToken',
        reason: `${label} "${url ?? '(missing)'}" is not ${options.recipientHint}`,
      };
    }
  }
  const errors = lint(
    { saml, aws, input: { base64Length: decoded.base64Length, form: 'base64' }, now: options.now },
    RULES_APPLIED,
  ).filter((f) => f.severity === 'error');
  const first: Finding | undefined = errors[0];
  if (first)
    return {
      ok: false,
      code: EXPIRY_RULES.has(first.code) ? 'ExpiredTokenException' : 'InvalidIdentityToken',
      reason: `${first.message} [${first.code}]`,
    };
  return { ok: true, saml, aws, idp };
}
