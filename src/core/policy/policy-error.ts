/**
 * A policy or request the evaluator cannot read. `where` names the place (`Statement[2] (Sid
 * "AllowDevs").Condition.StringLike."saml:sub"`, or `provider`), so the message can point at it.
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(where === 'provider' || where === '' ? message : `${where}: ${message}`);
  }
}

export function isPolicyError(error: unknown): error is PolicyError {
  return error instanceof PolicyError;
}
