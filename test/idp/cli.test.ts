import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdpCommand } from '../../src/cli/commands/idp.ts';
import { CliError, type CliIo } from '../../src/cli/io.ts';
import { inspect } from '../../src/core/index.ts';
import { tempDir } from './helpers.ts';

let dataDir: { path: string; remove(): Promise<void> };
beforeAll(async () => {
  dataDir = await tempDir();
});
afterAll(async () => {
  await dataDir.remove();
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('not used')),
    env: {},
    fetch: () => Promise.reject(new Error('not used')),
    now: () => Date.now(),
  };
  const code = await runIdpCommand(args, io);
  return { code, stdout, stderr };
}

describe('saml-roles idp', () => {
  it('mint prints the signed base64 SAMLResponse alone, ready for inspect -', async () => {
    const { code, stdout } = await run([
      'mint',
      '--demo',
      '--user',
      'bob',
      '--app',
      'aws',
      '--data-dir',
      dataDir.path,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
    const inspection = inspect(stdout.trim());
    expect(inspection.aws.roles).toHaveLength(5);
    expect(inspection.saml.signatures.map((s) => s.on)).toEqual(['assertion']);
    expect(inspection.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('mint and metadata use the same key from the data dir', async () => {
    const minted = await run([
      'mint',
      '--demo',
      '--user',
      'alice',
      '--app',
      'aws',
      '--data-dir',
      dataDir.path,
    ]);
    const metadata = await run(['metadata', '--demo', '--data-dir', dataDir.path]);
    const cert = /<ds:X509Certificate>([^<]+)</.exec(metadata.stdout)![1]!;
    expect(Buffer.from(minted.stdout.trim(), 'base64').toString('utf8')).toContain(
      `<ds:X509Certificate>${cert}</ds:X509Certificate>`,
    );
    expect(metadata.stdout).toContain('entityID="http://127.0.0.1:7000"');
    expect(metadata.stdout).toContain('Location="http://127.0.0.1:7000/sso"');
  });

  it('mint --table prints the decoded attributes', async () => {
    const { stdout } = await run([
      'mint',
      '--demo',
      '--user',
      'alice',
      '--app',
      'aws',
      '--table',
      '--data-dir',
      dataDir.path,
    ]);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(/^Attribute +Value$/),
      expect.stringMatching(/^NameID +alice$/),
      expect.stringMatching(
        /^https:\/\/aws\.amazon\.com\/SAML\/Attributes\/Role +arn:aws:iam::123412341234:role\/developer,arn:aws:iam::123412341234:saml-provider\/local$/,
      ),
      expect.stringMatching(
        /^https:\/\/aws\.amazon\.com\/SAML\/Attributes\/RoleSessionName +alice$/,
      ),
      expect.stringMatching(
        /^https:\/\/aws\.amazon\.com\/SAML\/Attributes\/SessionDuration +3600$/,
      ),
      '',
    ]);
  });

  it('names an unknown user or application in a one-line error', async () => {
    await expect(
      run(['mint', '--demo', '--user', 'zed', '--app', 'aws', '--data-dir', dataDir.path]),
    ).rejects.toThrow(CliError);
    await expect(
      run(['mint', '--demo', '--user', 'zed', '--app', 'aws', '--data-dir', dataDir.path]),
    ).rejects.toThrow('no user "zed" in <demo> (users: alice, bob, carol, dave, erin, many)');
    await expect(
      run(['mint', '--demo', '--user', 'bob', '--app', 'nope', '--data-dir', dataDir.path]),
    ).rejects.toThrow('no application "nope"');
    await expect(
      run(['mint', '--demo', '--user', 'carol', '--app', 'aws', '--data-dir', dataDir.path]),
    ).rejects.toThrow('user "carol" is not in any group allowed to use "aws"');
    await expect(
      run(['mint', '--config', '/nonexistent.yaml', '--user', 'a', '--app', 'b']),
    ).rejects.toThrow('no such file: /nonexistent.yaml');
  });

  it('demo-config prints YAML the IdP reads back', async () => {
    const { stdout } = await run(['demo-config', '--many-roles', '3']);
    expect(stdout).toContain('aws_role_count: 3');
    expect(stdout).toContain('slug: aws-govcloud');
  });
});
