import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';

// A custom STS endpoint that answers with an Expiration holding a shell command, as a malicious
// or intercepted endpoint can; the real bin is run the way the README says to use it.
const bin = fileURLToPath(new URL('../../bin/saml-roles.js', import.meta.url));
const DEV = roleArn('111111111111', 'Dev');
// The real bin reads the machine's clock, and refuses an expired assertion before calling STS.
const ASSERTION = toBase64(
  buildSamlResponse({
    roles: [[DEV, providerArn('111111111111')]],
    notOnOrAfter: new Date(Date.now() + 3600_000).toISOString(),
  }),
);
let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saml-roles-hostile-'));
  const marker = join(dir, 'owned');
  const expiration = `2026-11-27T22:00:00Z\ntouch ${marker}\n[default]\ncredential_process = touch ${marker}`;
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(`<AssumeRoleWithSAMLResponse><AssumeRoleWithSAMLResult>
      <AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/Dev/u</Arn></AssumedRoleUser>
      <Credentials><AccessKeyId>ASIAV3ZUEFP6EXAMPLE1</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>IQoJb3JpZ2luX2VjEOz//////////wEaCXVz</SessionToken>
      <Expiration>${expiration}</Expiration></Credentials>
      </AssumeRoleWithSAMLResult></AssumeRoleWithSAMLResponse>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** bash -c SCRIPT with the assertion on stdin; async, so this process's server can answer. */
function shell(script: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      env: { ...process.env, AWS_ENDPOINT_URL_STS: url, SAML_ROLES: bin, NODE: process.execPath },
      timeout: 20_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(ASSERTION);
  });
}

describe('a hostile STS answer through the real bin', () => {
  it('eval "$(saml-roles credentials ...)" runs nothing from it', async () => {
    const result = await shell(
      `eval "$("$NODE" "$SAML_ROLES" credentials - --role ${DEV})"; echo "exit $?"`,
    );
    expect(result.stdout).toBe('exit 0\n');
    expect(result.stderr).toMatch(
      /UnexpectedResponse: the AssumeRoleWithSAMLResponse's Expiration "2026-11-27T22:00:00Z\\ntouch /,
    );
    expect(existsSync(join(dir, 'owned'))).toBe(false);
  });

  it('--all --output FILE writes no credential_process and leaves the old file', async () => {
    const file = join(dir, 'credentials');
    writeFileSync(file, '[keep]\n');
    const result = await shell(`"$NODE" "$SAML_ROLES" credentials - --all --output '${file}'`);
    expect(result.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('[keep]\n');
    expect(existsSync(join(dir, 'owned'))).toBe(false);
  });
});
