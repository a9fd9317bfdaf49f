import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { buildSamlResponse, manyRoles, toBase64 } from '../support/saml-fixture.ts';
import { fakeIo } from './fake-io.ts';

const NOW = ['--now', '2026-01-01T00:30:00Z'];
const good = toBase64(buildSamlResponse({ roles: manyRoles(3), sessionDuration: '3600' }));

describe('saml-roles inspect', () => {
  it('prints roles by account, session facts and findings; exit 0 without errors', async () => {
    const { io, stdout, stderr } = fakeIo({ files: { 'r.txt': good } });
    expect(await main(['inspect', 'r.txt', ...NOW], io)).toBe(0);
    expect(stdout()).toMatch(/Session name\s+alice@example\.com/);
    expect(stdout()).toContain('Roles: 3 in 3 accounts');
    expect(stdout()).toContain('team-0/Role0');
    expect(stdout()).toContain('Findings: 0 error');
    expect(stderr()).toBe('');
  });

  it('reads stdin for - and for no argument', async () => {
    for (const args of [['-'], []]) {
      const { io, stdout } = fakeIo({ stdin: `SAMLResponse=${encodeURIComponent(good)}` });
      expect(await main(['inspect', ...args, ...NOW], io)).toBe(0);
      expect(stdout()).toContain('Roles: 3');
    }
  });

  it('--json prints one object with the documented fields, without the raw response', async () => {
    const { io, stdout } = fakeIo({ stdin: good });
    expect(await main(['inspect', '--json', ...NOW], io)).toBe(0);
    const report = JSON.parse(stdout()) as Record<string, unknown>;
    for (const key of [
      'roles',
      'sessionName',
      'sessionDuration',
      'sourceIdentity',
      'principalTags',
      'transitiveTagKeys',
      'issuer',
      'nameId',
      'audiences',
      'recipient',
      'notBefore',
      'notOnOrAfter',
      'attributes',
      'findings',
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect((report['roles'] as { roleArn: string }[]).map((r) => r.roleArn)).toEqual(
      manyRoles(3).map(([role]) => role),
    );
    expect(report['sessionDuration']).toBe(3600);
    expect(report).not.toHaveProperty('samlResponse');
  });

  it('--json --raw includes the SAMLResponse when asked', async () => {
    const { io, stdout } = fakeIo({ stdin: good });
    await main(['inspect', '--json', '--raw', ...NOW], io);
    expect(JSON.parse(stdout())).toHaveProperty('samlResponse', good);
  });

  it('exit 1 with error findings, and --now decides expiry', async () => {
    const { io, stdout } = fakeIo({ stdin: good });
    expect(await main(['inspect', '--now', '2026-01-02T00:00:00Z'], io)).toBe(1);
    expect(stdout()).toContain('assertion-expired');
    expect(stdout()).toMatch(/fix: /);
  });

  it.each([
    [['inspect', 'missing.txt'], 'no such file: '],
    [['inspect', '--now', 'yesterday'], '--now "yesterday" is not an ISO-8601 instant'],
    [['inspect', '--bogus'], "Unknown option '--bogus'"],
    [['inspect', 'a', 'b'], 'inspect takes one FILE'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['constructor'], 'unknown command "constructor"'],
    [['toString'], 'unknown command "toString"'],
    [['__proto__'], 'unknown command "__proto__"'],
  ])('%j fails with exit 2 and one clear line', async (args, message) => {
    const { io, stderr, stdout } = fakeIo({ stdin: good });
    expect(await main(args, io)).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr()).not.toMatch(/\n\s+at /);
    expect(stdout()).toBe('');
  });

  it('undecodable input: exit 2, one line naming the input and the problem', async () => {
    const { io, stderr } = fakeIo({ stdin: 'QUJD$EFG' });
    expect(await main(['inspect', '-'], io)).toBe(2);
    expect(stderr().trim().split('\n')).toEqual([
      'saml-roles inspect: stdin: cannot decode: the SAMLResponse value is not base64: "$" at position 5',
    ]);
  });

  it('hostile values cannot inject lines or terminal escapes into the text report', async () => {
    const xml = buildSamlResponse({ sessionName: 'evil\n\u001b[31mFindings: 0 error' });
    const { io, stdout } = fakeIo({ stdin: toBase64(xml) });
    await main(['inspect', ...NOW], io);
    expect(stdout()).not.toContain('\u001b');
    expect(stdout().match(/^Findings:/gm)).toHaveLength(1);
  });
});
