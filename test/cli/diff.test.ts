import { describe, expect, it } from 'vitest';
import {
  buildSamlResponse,
  providerArn,
  roleArn,
  toBase64,
  type FixtureOptions,
} from '../support/saml-fixture.ts';
import { runMain } from './fake-io.ts';

const NOW = ['--now', '2026-01-01T00:30:00Z'];
const ADMIN: [string, string] = [roleArn('111111111111', 'Admin'), providerArn('111111111111')];
const READ: [string, string] = [roleArn('222222222222', 'Read'), providerArn('222222222222')];
const response = (options: FixtureOptions = {}) =>
  toBase64(buildSamlResponse({ roles: [ADMIN, READ], ...options }));

describe('saml-roles diff', () => {
  it('exit 0 for the same meaning under new IDs, instants and signature values', async () => {
    const files = {
      a: response(),
      b: response({
        responseId: '_x',
        assertionId: '_y',
        issueInstant: '2026-01-01T00:10:00Z',
        notBefore: '2026-01-01T00:10:00Z',
        notOnOrAfter: '2026-01-01T01:10:00Z',
      }),
    };
    const result = await runMain(['diff', 'a', 'b', ...NOW], { files });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Same meaning/);
  });

  it('exit 1 with roles by account and the documented JSON shape when they differ', async () => {
    const files = { a: response(), b: response({ roles: [ADMIN], sessionName: 'bob' }) };
    const text = await runMain(['diff', 'a', 'b', ...NOW], { files });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Roles: 0 added, 1 removed\n  222222222222\n    - Read');
    expect(text.stdout).toContain('Session name: "alice@example.com" → "bob"');

    const json = await runMain(['diff', 'a', 'b', '--json', ...NOW], { files });
    expect(json.code).toBe(1);
    const diff = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(diff)).toEqual(['roles', 'attributes', 'facts', 'findings']);
    expect(diff).toMatchObject({
      roles: { added: [], removed: [{ roleArn: READ[0], accountId: '222222222222' }] },
      attributes: [
        {
          name: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
          added: ['bob'],
          removed: ['alice@example.com'],
        },
      ],
      facts: [{ field: 'Session name', before: 'alice@example.com', after: 'bob' }],
      findings: { added: [], removed: [] },
    });
  });

  it('reads one side from stdin', async () => {
    const result = await runMain(['diff', '-', 'b', ...NOW], {
      stdin: response(),
      files: { b: response() },
    });
    expect(result.code).toBe(0);
  });

  it('exit 2 naming the side and the reason when one cannot be decoded or read', async () => {
    const bad = await runMain(['diff', 'a', 'b', ...NOW], {
      files: { a: response(), b: 'not a SAML response' },
    });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^saml-roles diff: B: b: cannot decode: .+\n$/);

    const missing = await runMain(['diff', 'gone', 'b', ...NOW], { files: { b: response() } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^saml-roles diff: A: no such file: \S*gone\n$/);
  });

  it('exit 2 for the wrong number of files or two stdins', async () => {
    expect((await runMain(['diff', 'a'])).code).toBe(2);
    expect((await runMain(['diff', '-', '-'])).stderr).toContain('only one of A and B');
  });
});
