/**
 * AWS's error codes for a refused assertion (STS's query-API codes; the sign-in page shows its own
 * sentence for all of them).
 */
export type RefusalCode =
  | 'InvalidIdentityToken'
  | 'ExpiredTokenException'
  | 'IDPRejectedClaim'
  | 'AccessDenied'
  | 'ValidationError';

/** Why the stand-in refuses, as AWS would say it, with the stand-in's own detail after it. */
export interface Refusal {
  code: RefusalCode;
  message: string;
}

export const refuse = (code: RefusalCode, message: string): Refusal => ({ code, message });
