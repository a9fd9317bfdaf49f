import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The form field that carries a session's CSRF token. */
export const CSRF_FIELD = 'csrf';

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first gives both sides one length, so length leaks nothing. */
export function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return expected !== '' && timingSafeEqual(digest(given), digest(expected));
}
