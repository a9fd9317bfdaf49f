import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/commands/credentials.ts';
import type { RolePair } from '../../src/core/index.ts';

const role: RolePair = {
  roleArn: 'arn:aws:iam::123456789012:role/Admin',
  providerArn: 'arn:aws:iam::123456789012:saml-provider/IdP',
  partition: 'aws',
  accountId: '123456789012',
  roleName: 'Admin',
  providerName: 'IdP',
};
const failure = (message: string) => ({
  code: 'AccessDenied',
  message,
  meaning: 'AWS refused.',
  action: 'Check the trust policy.',
});

describe('describeFailure', () => {
  it('puts an STS message spread over lines on one line', () => {
    expect(describeFailure(role, failure('Not\n  authorized \r\n to assume'))).toBe(
      'arn:aws:iam::123456789012:role/Admin: AccessDenied: Not authorized to assume | AWS refused. Check the trust policy.',
    );
  });

  it('reads an endpoint message of 40,000 spaces in linear time', () => {
    const start = performance.now();
    const line = describeFailure(role, failure(`a${' '.repeat(40_000)}b`));
    expect(line).toContain(`a${' '.repeat(40_000)}b`);
    // /\s*[\r\n]+\s*/g retried every space of the run: about 10 s.
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
