import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSamlResponse, toBase64 } from '../support/saml-fixture.ts';

const bin = fileURLToPath(new URL('../../bin/saml-roles.js', import.meta.url));
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 20_000 });

describe('the saml-roles bin, as npx runs it', () => {
  it('inspects stdin and exits 0', () => {
    const result = run(
      ['inspect', '-', '--json', '--now', '2026-01-01T00:30:00Z'],
      toBase64(buildSamlResponse()),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ sessionName: 'alice@example.com' });
  });

  it('garbage: exit 2, one line, no stack trace', () => {
    const result = run(['inspect', '-'], '\u0000\u0001 garbage');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
