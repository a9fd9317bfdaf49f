/** Why an input could not be turned into a SAML message. Stable, so callers can branch on it. */
export type SamlInputErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-base64'
  | 'not-utf8'
  | 'inflate-failed'
  | 'not-xml'
  | 'doctype-forbidden'
  | 'too-deep'
  | 'no-saml-message'
  | 'form-field-missing'
  /** A JWT (e.g. an OIDC id_token) where a SAML response was expected. */
  | 'jwt'
  /** The value or document ends early: a copy that was cut off. */
  | 'truncated';

/**
 * The one error the core throws for bad input. `message` is a single line for a human that says
 * what was wrong and where; no stack trace is ever meant to reach a user.
 */
export class SamlInputError extends Error {
  override readonly name = 'SamlInputError';
  constructor(
    readonly code: SamlInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isSamlInputError(error: unknown): error is SamlInputError {
  return error instanceof SamlInputError;
}
