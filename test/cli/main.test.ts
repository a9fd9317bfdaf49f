// What main does before any command runs: --version, and that a command is loaded when run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMain } from './fake-io.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('saml-roles main', () => {
  it.each([['--version'], ['-v']])('%s prints the package version and exits 0', async (flag) => {
    expect(await runMain([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists --version in the usage', async () => {
    expect((await runMain(['--help'])).stdout).toMatch(/^\s+--version\s/m);
  });

  it('runs a command it loads on demand, and refuses one it does not know', async () => {
    expect((await runMain(['idp', 'demo-config'])).stdout).toContain('users:');
    expect(await runMain(['constructor'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^saml-roles: unknown command "constructor"/),
    });
  });
});
