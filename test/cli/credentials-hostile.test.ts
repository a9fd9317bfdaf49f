import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/core/sts/types.ts';
import { runMain } from './fake-io.ts';
import { ASSERTION, DEV, stsAnswer } from './two-accounts.ts';

// What a malicious or intercepted custom STS endpoint can send back.
const INJECTED_EXPIRATION =
  "2026-11-27T22:00:00Z\ntouch /tmp/owned\n[default]\ncredential_process = sh -c 'id'";
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const answer = (expiration: string) => stsAnswer('Dev', expiration);

const hostileSts =
  (body: string, status = 200): FetchLike =>
  async () => ({ status, text: async () => body });

const run = (args: string[], fetch: FetchLike) =>
  runMain(['credentials', ...args], {
    stdin: ASSERTION,
    env: { AWS_ENDPOINT_URL_STS: 'https://sts.attacker.example' },
    fetch,
  });

describe('saml-roles credentials: a hostile STS answer never becomes output', () => {
  it.each([['env'], ['ini'], ['process']])(
    '--format %s: an Expiration holding a command is refused, escaped, exit 1',
    async (format) => {
      const { code, stdout, stderr } = await run(
        ['--role', DEV, '--format', format],
        hostileSts(answer(INJECTED_EXPIRATION)),
      );
      expect(stdout).toBe('');
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(
        `${DEV}: UnexpectedResponse: the AssumeRoleWithSAMLResponse's Expiration "2026-11-27T22:00:00Z\\ntouch /tmp/owned\\n[default]\\ncredential_process = sh -c 'id'" is not an ISO 8601 UTC time`,
      );
    },
  );

  it('--all: no profile from a hostile answer reaches the file', async () => {
    const { code, stdout, stderr } = await run(['--all'], hostileSts(answer(INJECTED_EXPIRATION)));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stderr).not.toContain('\ncredential_process');
  });

  it('an error message with terminal escapes reaches stderr escaped', async () => {
    const { code, stderr } = await run(
      ['--all'],
      hostileSts(
        '<ErrorResponse><Error><Code>AccessDenied</Code><Message>denied\u001b]0;owned\u0007\u001b[2J\rspoofed</Message></Error></ErrorResponse>',
        403,
      ),
    );
    expect(code).toBe(1);
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr).toContain('AccessDenied: denied\\u001b]0;owned\\u0007\\u001b[2J\\rspoofed');
  });
});
