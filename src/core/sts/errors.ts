/** Which parameter of an STS call was unusable. Stable, so callers can branch on it. */
export type StsParameterErrorCode =
  | 'duration-invalid'
  | 'endpoint-invalid'
  | 'endpoint-insecure'
  | 'region-invalid'
  | 'profile-template-invalid'
  | 'parameter-missing'
  /** The assertion's NotOnOrAfter has passed: nothing is sent. */
  | 'assertion-expired';

/**
 * A parameter refused before anything is sent. `message` is one line for a human naming the value
 * and what is wrong with it.
 */
export class StsParameterError extends Error {
  override readonly name = 'StsParameterError';
  constructor(
    readonly code: StsParameterErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isStsParameterError(error: unknown): error is StsParameterError {
  return error instanceof StsParameterError;
}
