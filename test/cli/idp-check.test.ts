import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigData } from '../../src/idp/config/demo.ts';
import { runMain } from './fake-io.ts';

const NOW = ['--now', '2026-01-01T00:00:00Z'];
const PASSING = `checks:
  - user: bob
    app: aws
    expect:
      roles:
        atLeast: ["arn:aws:iam::111111111111:role/*"]
        atMost: ["arn:aws:iam::111111111111:role/*", "arn:aws:iam::222222222222:role/*", "arn:aws:iam::333333333333:role/BillingViewer"]
      sessionName: bob
      attributes:
        https://aws.amazon.com/SAML/Attributes/SessionDuration: ["3600"]
  - user: carol
    app: aws-us-east-2
    expect:
      roles: { exactly: [arn:aws:iam::444455556666:role/Analyst] }
      sessionName: "*@example.com"
`;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'saml-roles-idp-check-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const check = (expects: string, extra: string[] = []) =>
  runMain(['idp', 'check', '--demo', '--expect', 'x.yaml', ...NOW, ...extra], {
    files: { 'x.yaml': expects },
  });

describe('saml-roles idp check', () => {
  it('mints each listed user and app and checks it: exit 0 when all hold', async () => {
    const result = await check(PASSING);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      '✔ bob @ aws: 5 of 5 expectations hold\n✔ carol @ aws-us-east-2: 3 of 3 expectations hold\n2 of 2 checks passed\n',
    );
    expect(result.code).toBe(0);
  });

  it('signs with a key in memory: the data dir is left alone', async () => {
    const dataDir = join(dir, 'data');
    const result = await runMain(['idp', 'check', '--demo', '--expect', 'x.yaml', ...NOW], {
      files: { 'x.yaml': PASSING },
      env: { SAML_ROLES_IDP_DATA_DIR: dataDir },
    });
    expect(result.code).toBe(0);
    await expect(fs.stat(dataDir)).rejects.toThrow();
  });

  it('exit 1 naming each unmet expectation, with JUnit: one suite per user and app', async () => {
    const junit = join(dir, 'checks.xml');
    const result = await check(
      PASSING.replace('sessionName: bob', 'sessionName: robert').replace(
        'role/Analyst]',
        'role/Analyst, arn:aws:iam::444455556666:role/Admin]',
      ),
      ['--junit', junit],
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ bob @ aws: 4 of 5 expectations hold\n');
    expect(result.stdout).toContain(
      '    sessionName: expected a session name matching "robert"; came "bob".',
    );
    expect(result.stdout).toContain('matched by no role: ["arn:aws:iam::444455556666:role/Admin"]');
    expect(result.stdout).toContain('0 of 2 checks passed');
    expect((await fs.stat(junit)).mode & 0o777).toBe(0o600);
    const document = new DOMParser().parseFromString(await fs.readFile(junit, 'utf8'), 'text/xml');
    const suites = Array.from(document.getElementsByTagName('testsuite'));
    expect(suites.map((s) => [s.getAttribute('name'), s.getAttribute('failures')])).toEqual([
      ['bob @ aws', '1'],
      ['carol @ aws-us-east-2', '1'],
    ]);
  });

  it('a user or app the configuration lacks, or a user not allowed, fails that check', async () => {
    const result = await check(
      'checks:\n  - { user: zed, app: aws, expect: {} }\n  - { user: carol, app: aws, expect: {} }\n',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ zed @ aws: cannot mint: no user "zed"');
    expect(result.stdout).toContain(
      '✖ carol @ aws: cannot mint: user "carol" is not in any group allowed to use "aws"',
    );
  });

  it('keeps hostile names from the file on one visible line', async () => {
    const result = await check(
      'checks:\n  - { user: "z\\e[31m\\x9b\\u202e\\nfake", app: aws, expect: {} }\n',
    );
    expect(result.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(result.stdout).toContain(
      '✖ z\\u001b[31m\\u009b\\u202e\\u000afake @ aws: cannot mint: no user',
    );
  });

  it('exit 2 for a broken EXPECTS.yaml, naming the line and path', async () => {
    const result = await check(
      'checks:\n  - user: bob\n    app: aws\n    expect: { roles: { exact: [] } }\n',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '\n  line 4: checks[0].expect.roles.exact: unknown key (allowed: exactly, atLeast, atMost)\n',
    );
    expect((await check('checks: []\n')).stderr).toContain('checks: list at least one check');
    expect((await runMain(['idp', 'check', '--demo'])).code).toBe(2);
  });
});

describe('saml-roles idp preview', () => {
  async function writeConfig(name: string, data: Record<string, unknown>): Promise<string> {
    const path = join(dir, name);
    await fs.writeFile(path, stringify(data));
    return path;
  }

  it('exit 0 and "same meaning" for every pair when nothing changes', async () => {
    const old = await writeConfig('old.yaml', demoConfigData({ manyRoles: 3 }));
    const result = await runMain(['idp', 'preview', '--config', old, '--against', old, ...NOW]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('= bob @ aws: same meaning');
    expect(result.stdout).toMatch(/\n0 of \d+ user and app pairs change\n$/);
  });

  it('shows per user and app what a mapping change does, as the diff', async () => {
    const before = demoConfigData({ manyRoles: 3 });
    const after = demoConfigData({ manyRoles: 3 }) as {
      groups: { name: string; attributes: { aws_roles?: string[] } }[];
      users: { username: string; groups: string[] }[];
    };
    const platform = after.groups.find((g) => g.name === 'platform')!;
    platform.attributes.aws_roles = platform.attributes.aws_roles!.slice(1);
    after.users.find((u) => u.username === 'carol')!.groups.push('platform');
    const result = await runMain([
      'idp',
      'preview',
      '--config',
      await writeConfig('new.yaml', after),
      '--against',
      await writeConfig('before.yaml', before),
      ...NOW,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '~ bob @ aws: changed\n    Roles: 0 added, 1 removed\n      111111111111\n        - Admin  (provider local)\n',
    );
    expect(result.stdout).toContain('+ carol @ aws: can sign in with NEW only');
    expect(result.stdout).toContain('= alice @ aws: same meaning');

    const json = await runMain([
      'idp',
      'preview',
      '--config',
      join(dir, 'new.yaml'),
      '--against',
      join(dir, 'before.yaml'),
      '--json',
      ...NOW,
    ]);
    const entries = JSON.parse(json.stdout) as { user: string; app: string; change: string }[];
    expect(entries.find((e) => e.user === 'bob' && e.app === 'aws')).toMatchObject({
      change: 'changed',
      diff: { roles: { removed: [{ roleArn: 'arn:aws:iam::111111111111:role/Admin' }] } },
    });
    expect(entries.find((e) => e.user === 'carol' && e.app === 'aws')?.change).toBe('added');
  });

  it('exit 2 for a missing or broken configuration', async () => {
    const missing = await runMain([
      'idp',
      'preview',
      '--demo',
      '--against',
      join(dir, 'none.yaml'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file: \S*none\.yaml\n/);
    expect((await runMain(['idp', 'preview', '--demo'])).stderr).toContain('give --against OLD');
  });
});
