import { describe, expect, it } from 'vitest';
import { statusNotSuccess } from '../../../src/core/rules/status-not-success.ts';
import { check } from './fixtures.ts';

describe('status-not-success', () => {
  it('passes Success, and a bare assertion with no status', () => {
    expect(check(statusNotSuccess)).toEqual([]);
    expect(check(statusNotSuccess, { saml: { kind: 'assertion', status: {} } })).toEqual([]);
  });

  it('reports another status with its sub-status and message', () => {
    const status = {
      code: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
      subCode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
      message: 'User not assigned',
    };
    const results = check(statusNotSuccess, { saml: { status } });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toBe(
      'The Response has status "urn:oasis:names:tc:SAML:2.0:status:Responder" (sub-status "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"): "User not assigned"; AWS only signs in with a Success response.',
    );
  });

  it('reports a Response with no StatusCode', () => {
    expect(check(statusNotSuccess, { saml: { status: {} } })[0]!.message).toContain(
      'has no StatusCode',
    );
  });
});
