import { decodeBase64, decodeUtf8 } from '../encoding/index.ts';
import { SamlInputError } from '../errors.ts';

// JWS compact serialisation: header.payload.signature, each base64url without padding. An
// unsigned token (`alg: none`) has an empty signature. "Bearer " is how an Authorization header
// is copied.
const JWT = /^(?:Bearer\s+)?([A-Za-z0-9_-]{4,})\.([A-Za-z0-9_-]{2,})\.([A-Za-z0-9_-]*)$/;

// Where the SAML response travels instead: stated once, for every place a JWT is recognised.
const WHERE_SAML_IS =
  "AWS SAML sign-in takes the SAMLResponse form field that your IdP's page POSTs to " +
  'https://signin.aws.amazon.com/saml: the extension captures it, or copy it from the ' +
  "browser's network tab (the POST to /saml, its form data).";

/**
 * A SamlInputError naming what the text is when it is a JWT (an OIDC id_token or another token),
 * else undefined. Only the kind and the issuer are named: the claims and the signature are a
 * credential, so nothing else of the token is repeated.
 */
export function jwtMistakeError(text: string): SamlInputError | undefined {
  return tokenError(text);
}

/** Like jwtMistakeError, for a JWT named inside other text; asked only when no SAMLResponse is found. */
export function namedJwtMistakeError(text: string): SamlInputError | undefined {
  return tokenError(namedToken(text));
}

// A copied OIDC redirect (`#id_token=...`) or a token endpoint's JSON answer (`"id_token": "..."`).
const NAMED_TOKEN =
  /\b(?:id_token|access_token)["']?\s*[=:]\s*["']?([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)/;

function namedToken(text: string): string {
  if (!text.includes('_token')) return '';
  return NAMED_TOKEN.exec(text)?.[1] ?? '';
}

function tokenError(text: string): SamlInputError | undefined {
  const match = JWT.exec(text);
  if (!match) return undefined;
  const header = decodeJsonPart(match[1]!);
  if (!header || typeof header['alg'] !== 'string') return undefined;
  const payload = decodeJsonPart(match[2]!) ?? {};
  return new SamlInputError(
    'jwt',
    `this is ${describeToken(header, payload)}, not a SAML response. ${WHERE_SAML_IS}`,
  );
}

function describeToken(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const issuer = printableIssuer(payload['iss']);
  const from = issuer ? `from ${issuer}` : '';
  // An id_token carries the client as audience and the login's nonce or token hashes; an access
  // token in JWT form says so in its `typ` (RFC 9068).
  const idToken =
    issuer !== undefined &&
    payload['sub'] !== undefined &&
    payload['aud'] !== undefined &&
    header['typ'] !== 'at+jwt' &&
    ['nonce', 'at_hash', 'c_hash', 'auth_time'].some((claim) => payload[claim] !== undefined);
  if (idToken) return `a JWT (an OIDC id_token ${from})`;
  return from ? `a JWT (${from})` : 'a JWT';
}

/** The issuer as plain printable text of bounded length; undefined when it is not one. */
function printableIssuer(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(decodeUtf8(decodeBase64(part), 'a JWT part'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
