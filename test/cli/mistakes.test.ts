// The common mistakes of a first hour with the CLI, each with the answer it should get (issue 16).
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/core/sts/types.ts';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';
import { runMain } from './fake-io.ts';
import { ASSERTION, DEV, stsAnswer } from './two-accounts.ts';

/** A network that records whether anything was sent, and answers like STS. */
function recordingSts() {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    const name = new URLSearchParams(init.body).get('RoleArn')!.split('/').pop()!;
    if (name === 'Ops')
      return {
        status: 403,
        text: async () =>
          '<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>',
      };
    return { status: 200, text: async () => stsAnswer(name) };
  };
  return { calls, fetch };
}

// fake-io's clock stands at 2026-01-01T00:30:00Z, inside the fixture's hour.
const EXPIRED = toBase64(
  buildSamlResponse({
    roles: [[DEV, providerArn('111111111111')]],
    notOnOrAfter: '2026-01-01T00:12:00Z',
  }),
);

describe('a file that does not exist', () => {
  it('inspect FILE: "no such file: <absolute path>", one line, exit 2', async () => {
    const result = await runMain(['inspect', 'nope.txt']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `saml-roles inspect: no such file: ${resolve('nope.txt')}\n`,
    });
  });

  it('credentials --settings FILE names the option and the path', async () => {
    const result = await runMain(['credentials', '--all', '--settings', 'nope.json'], {
      stdin: ASSERTION,
    });
    expect(result).toMatchObject({
      code: 2,
      stderr: `saml-roles credentials: --settings: no such file: ${resolve('nope.json')}\n`,
    });
  });

  it.each([['mint', '--user', 'a', '--app', 'b'], ['metadata']])(
    'idp %s --config FILE',
    async (...sub) => {
      const result = await runMain(['idp', ...sub, '--config', 'nope.yaml']);
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `saml-roles idp: no such file: ${resolve('nope.yaml')}\n`,
      });
    },
  );
});

describe('credentials: an expired assertion is refused here, before STS', () => {
  it('says when it expired and how long ago, and sends nothing', async () => {
    const sts = recordingSts();
    const result = await runMain(['credentials', '--role', DEV], {
      stdin: EXPIRED,
      fetch: sts.fetch,
    });
    expect(sts.calls).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "saml-roles credentials: the assertion expired at 2026-01-01T00:12:00Z, 18 minutes ago (by this machine's clock), so STS would refuse it and nothing was sent: get a fresh one (sign in through your IdP again)\n",
    );
  });

  it('a fresh assertion is sent', async () => {
    const sts = recordingSts();
    const result = await runMain(['credentials', '--role', DEV], {
      stdin: ASSERTION,
      fetch: sts.fetch,
    });
    expect(result.code).toBe(0);
    expect(sts.calls).toHaveLength(1);
  });
});

describe('credentials --region', () => {
  it('a typo: "no such region" with the nearest one, and nothing sent', async () => {
    const sts = recordingSts();
    const result = await runMain(['credentials', '--role', DEV, '--region', 'us-est-1'], {
      stdin: ASSERTION,
      fetch: sts.fetch,
    });
    expect(sts.calls).toEqual([]);
    expect(result).toMatchObject({
      code: 2,
      stderr:
        "saml-roles credentials: --region: no such region 'us-est-1' in partition aws (did you mean us-east-1?)\n",
    });
  });

  it('a region far from any: "no such region", without a guess', async () => {
    const result = await runMain(['credentials', '--role', DEV, '--region', 'xx-nowhere-9'], {
      stdin: ASSERTION,
      fetch: recordingSts().fetch,
    });
    expect(result.stderr).toBe(
      "saml-roles credentials: --region: no such region 'xx-nowhere-9' in partition aws\n",
    );
  });

  it('a real region is used', async () => {
    const sts = recordingSts();
    const result = await runMain(['credentials', '--role', DEV, '--region', 'eu-west-1'], {
      stdin: ASSERTION,
      fetch: sts.fetch,
    });
    expect(result.code).toBe(0);
    expect(sts.calls).toEqual(['https://sts.eu-west-1.amazonaws.com/']);
  });
});

describe('credentials --shell zsh', () => {
  it('is accepted, as the help promises, and prints export lines', async () => {
    const result = await runMain(['credentials', '--role', DEV, '--shell', 'zsh'], {
      stdin: ASSERTION,
      fetch: recordingSts().fetch,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^export AWS_ACCESS_KEY_ID='ASIADEV0/m);
    expect((await runMain(['credentials', '--help'])).stdout).toMatch(/--shell SH .*zsh/);
  });
});

describe('credentials --output FILE: a failure never touches the existing file', () => {
  let dir: string;
  let file: string;
  const OLD = '[old]\naws_access_key_id = ASIAOLD\n';
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'saml-roles-mistakes-'));
    file = join(dir, 'credentials');
    await fs.writeFile(file, OLD, { mode: 0o600 });
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['an expired assertion', EXPIRED, ['--role', DEV]],
    ['a region typo', ASSERTION, ['--role', DEV, '--region', 'us-est-1']],
    ['STS refusing the one role', ASSERTION, ['--role', roleArn('222222222222', 'Ops')]],
    ['an expired assertion with --all', EXPIRED, ['--all']],
  ])('%s', async (_what, stdin, args) => {
    const result = await runMain(['credentials', ...args, '--output', file], {
      stdin,
      fetch: recordingSts().fetch,
    });
    expect(result.code).not.toBe(0);
    expect(await fs.readFile(file, 'utf8')).toBe(OLD);
    expect(await fs.readdir(dir)).toEqual(['credentials']);
  });

  it('--all with some roles refused writes the granted ones in one step and names the rest', async () => {
    const result = await runMain(['credentials', '--all', '--output', file], {
      stdin: ASSERTION,
      fetch: recordingSts().fetch,
    });
    expect(result.code).toBe(1);
    const written = await fs.readFile(file, 'utf8');
    expect(written.match(/^\[.*\]$/gm)).toEqual(['[111111111111-Dev]']);
    expect(result.stderr).toContain(`wrote 1 profile to ${file} (mode 600)`);
    expect(result.stderr).toContain(`${roleArn('222222222222', 'Ops')}: AccessDenied`);
    expect(result.stderr).toContain('not written: 1 role (222222222222-Ops)');
  });

  it('the help says what --all writes when some roles fail, and why not "> FILE"', async () => {
    const { stdout } = await runMain(['credentials', '--help']);
    expect(stdout).toMatch(/with --all, FILE gets only the\s+roles STS granted/);
    expect(stdout).toMatch(/> FILE/);
  });
});
