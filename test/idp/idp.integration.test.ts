import { deflateRawSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../../src/core/index.ts';
import { demoConfig, parseConfig } from '../../src/idp/config.ts';
import { KEY_FILE } from '../../src/idp/crypto/keystore.ts';
import { startIdp } from '../../src/idp/server.ts';
import {
  Browser,
  certificateFromMetadata,
  compact,
  formOf,
  tempDir,
  xmlsecVerify,
} from './helpers.ts';

let idp: Awaited<ReturnType<typeof startIdp>>;
let dataDir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dataDir = await tempDir();
  idp = await startIdp({ config: demoConfig(), port: 0, dataDir: dataDir.path });
});
afterAll(async () => {
  await idp?.close();
  await dataDir?.remove();
});

/** Logs in and opens an application: the auto-posting form's action and fields. */
async function sso(username: string, path: string) {
  const browser = new Browser(idp.url);
  expect((await browser.login(username)).status).toBe(303);
  const page = await browser.get(path);
  expect(page.status).toBe(200);
  return formOf(await page.text());
}

const ROLE = 'https://aws.amazon.com/SAML/Attributes/Role';
const SESSION = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const DURATION = 'https://aws.amazon.com/SAML/Attributes/SessionDuration';

describe('the companion IdP', () => {
  it('binds 127.0.0.1 and keeps its key in the data dir, owner-only', async () => {
    expect(idp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await stat(join(dataDir.path, KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  it('reuses the key on the next start', async () => {
    const again = await startIdp({ config: demoConfig(), dataDir: dataDir.path });
    try {
      expect(certificateFromMetadata(again.metadataXml)).toBe(
        certificateFromMetadata(idp.metadataXml),
      );
    } finally {
      await again.close();
    }
  });

  it('serves metadata naming the entity ID, the certificate and both SSO bindings', async () => {
    const response = await fetch(`${idp.url}/metadata`);
    const xml = await response.text();
    expect(xml).toBe(idp.metadataXml);
    expect(xml).toContain(`entityID="${idp.url}"`);
    expect(xml).toContain(
      `Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${idp.url}/sso"`,
    );
    expect(xml).toContain(
      `Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${idp.url}/sso"`,
    );
  });

  it('refuses a wrong password', async () => {
    const response = await new Browser(idp.url).login('alice', 'wrong');
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Unknown user or wrong password.');
  });

  it('lists only the applications of the user', async () => {
    const browser = new Browser(idp.url);
    await browser.login('carol');
    const page = await (await browser.get('/apps')).text();
    expect(page).toContain('data-testid="app-aws-us-east-2"');
    expect(page).not.toContain('data-testid="app-aws"');
  });

  it('IdP-initiated SSO posts a signed response that xmlsec1 verifies with the metadata certificate', async () => {
    const form = await sso(
      'bob',
      '/applications/aws/sso?RelayState=https%3A%2F%2Fconsole.aws.amazon.com%2F',
    );
    expect(form.action).toBe('https://signin.aws.amazon.com/saml');
    expect(form.fields.RelayState).toBe('https://console.aws.amazon.com/');
    const xml = Buffer.from(form.fields.SAMLResponse!, 'base64').toString('utf8');
    const verified = await xmlsecVerify(xml, certificateFromMetadata(idp.metadataXml));
    expect(verified.output).toContain('OK');
    expect(verified.ok).toBe(true);
    const tampered = await xmlsecVerify(
      xml.replace('role/Admin', 'role/Evil'),
      certificateFromMetadata(idp.metadataXml),
    );
    expect(tampered.ok).toBe(false);
  });

  it('puts the signature right after the Issuer, with exclusive c14n and RSA-SHA256, and a unique ID each time', async () => {
    const first = Buffer.from(
      (await sso('alice', '/applications/aws/sso')).fields.SAMLResponse!,
      'base64',
    ).toString('utf8');
    const second = Buffer.from(
      (await sso('alice', '/applications/aws/sso')).fields.SAMLResponse!,
      'base64',
    ).toString('utf8');
    expect(first).toMatch(/<saml:Assertion [^>]*><saml:Issuer>[^<]+<\/saml:Issuer><ds:Signature /);
    expect(first).toContain(
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
    );
    expect(first).toContain(
      '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>',
    );
    const ids = (xml: string) => [...xml.matchAll(/ ID="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(4);
  });

  // Every demo user through every application they have, read back through the core.
  const expected: Record<
    string,
    {
      app: string;
      acs: string;
      audience: string;
      nameId: string;
      attributes: Record<string, string[]>;
    }
  > = {
    alice: {
      app: 'aws',
      acs: 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      nameId: 'alice',
      attributes: {
        [ROLE]: [
          'arn:aws:iam::123412341234:role/developer,arn:aws:iam::123412341234:saml-provider/local',
        ],
        [SESSION]: ['alice'],
        [DURATION]: ['3600'],
      },
    },
    bob: {
      app: 'aws',
      acs: 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      nameId: 'bob',
      attributes: {
        [ROLE]: [
          'arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/local',
          'arn:aws:iam::111111111111:role/team/ReadOnly,arn:aws:iam::111111111111:saml-provider/local',
          'arn:aws:iam::222222222222:saml-provider/local,arn:aws:iam::222222222222:role/Deployer',
          'arn:aws:iam::222222222222:role/ReadOnly,arn:aws:iam::222222222222:saml-provider/local',
          'arn:aws:iam::333333333333:saml-provider/local,arn:aws:iam::333333333333:role/BillingViewer',
        ],
        [SESSION]: ['bob'],
        [DURATION]: ['3600'],
      },
    },
    carol: {
      app: 'aws-us-east-2',
      acs: 'https://us-east-2.signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      nameId: 'carol@example.com',
      attributes: {
        [ROLE]: [
          'arn:aws:iam::444455556666:role/Analyst,arn:aws:iam::444455556666:saml-provider/local',
        ],
        [SESSION]: ['carol@example.com'],
        [DURATION]: ['28800'],
      },
    },
    dave: {
      app: 'aws-govcloud',
      acs: 'https://signin.amazonaws-us-gov.com/saml',
      audience: 'urn:amazon:webservices:govcloud',
      nameId: 'dave',
      attributes: {
        [ROLE]: [
          'arn:aws-us-gov:iam::555566667777:role/GovOperator,arn:aws-us-gov:iam::555566667777:saml-provider/local',
        ],
        [SESSION]: ['dave'],
      },
    },
    erin: {
      app: 'aws-identity-center',
      acs: 'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/6f1e3c0a-8e0b-4b8e-9a1f-2c3d4e5f6a7b',
      audience: 'https://us-east-1.signin.aws.amazon.com/platform/saml/d-9067c0ffee',
      nameId: 'erin@example.com',
      attributes: {
        'https://aws.amazon.com/SAML/Attributes/AccessControl:Department': ['engineering'],
      },
    },
  };

  for (const [username, want] of Object.entries(expected)) {
    it(`gives ${username} the expected assertion for ${want.app}`, async () => {
      const form = await sso(username, `/applications/${want.app}/sso`);
      expect(form.action).toBe(want.acs);
      const { saml, findings } = inspect(form.fields.SAMLResponse!);
      expect(saml.destination).toBe(want.acs);
      expect(saml.recipient).toBe(want.acs);
      expect(saml.audiences).toEqual([want.audience]);
      expect(saml.nameId?.value).toBe(want.nameId);
      expect(Object.fromEntries(saml.attributes.map((a) => [a.name, a.values]))).toEqual(
        want.attributes,
      );
      expect(new Date(saml.notOnOrAfter!).getTime()).toBeGreaterThan(Date.now());
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      const verified = await xmlsecVerify(
        Buffer.from(form.fields.SAMLResponse!, 'base64').toString('utf8'),
        certificateFromMetadata(idp.metadataXml),
      );
      expect(verified.ok).toBe(true);
    });
  }

  it('gives the many-roles user its generated roles', async () => {
    const { aws } = inspect((await sso('many', '/applications/aws/sso')).fields.SAMLResponse!);
    expect(aws.roles).toHaveLength(40);
  });

  it('SP-initiated SSO (HTTP-Redirect) logs in first, then answers with InResponseTo', async () => {
    const audience = expected.erin!.audience;
    const request = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_req-redirect-1" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${expected.erin!.acs}"><saml:Issuer>${audience}</saml:Issuer></samlp:AuthnRequest>`;
    const query = new URLSearchParams({
      SAMLRequest: deflateRawSync(request).toString('base64'),
      RelayState: 'https://console.aws.amazon.com/',
    });
    const browser = new Browser(idp.url);
    // Without the session cookie, the IdP continues from its own page (SameSite=Strict cookies).
    const bounce = await browser.get(`/sso?${query}`);
    expect(bounce.status).toBe(200);
    const resumePath = /content="0;url=([^"]+)"/.exec(await bounce.text())![1]!;
    const toLogin = await browser.get(resumePath);
    expect(toLogin.status).toBe(303);
    const loginPath = toLogin.headers.get('location')!;
    const pending = new URL(loginPath, idp.url).searchParams.get('pending')!;
    expect(await (await browser.get(loginPath)).text()).toContain(
      `name="pending" value="${pending}"`,
    );
    const afterLogin = await browser.post('/login', {
      username: 'erin',
      password: 'demo',
      pending,
    });
    const resume = await browser.get(afterLogin.headers.get('location')!);
    const form = formOf(await resume.text());
    expect(form.fields.RelayState).toBe('https://console.aws.amazon.com/');
    const { saml } = inspect(form.fields.SAMLResponse!);
    expect(saml.inResponseTo).toBe('_req-redirect-1');
    expect(Buffer.from(form.fields.SAMLResponse!, 'base64').toString()).toContain(
      '<saml:SubjectConfirmationData NotOnOrAfter',
    );
    expect(Buffer.from(form.fields.SAMLResponse!, 'base64').toString()).toMatch(
      /SubjectConfirmationData [^>]*InResponseTo="_req-redirect-1"/,
    );
  });

  it('SP-initiated SSO (HTTP-POST) answers a logged-in user at once', async () => {
    const request = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_req-post-2" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>${expected.erin!.audience}</saml:Issuer></samlp:AuthnRequest>`;
    const browser = new Browser(idp.url);
    await browser.login('erin');
    const page = await browser.post('/sso', {
      SAMLRequest: Buffer.from(request).toString('base64'),
    });
    expect(page.status).toBe(200);
    expect(inspect(formOf(await page.text()).fields.SAMLResponse!).saml.inResponseTo).toBe(
      '_req-post-2',
    );
  });

  it('refuses an AuthnRequest from an unknown SP, or with a DOCTYPE', async () => {
    const browser = new Browser(idp.url);
    await browser.login('erin');
    const unknown = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_x" Version="2.0"><saml:Issuer>urn:someone:else</saml:Issuer></samlp:AuthnRequest>`;
    const page = await browser.post('/sso', {
      SAMLRequest: Buffer.from(unknown).toString('base64'),
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain(
      'no application has the audience &quot;urn:someone:else&quot;',
    );
    const doctype = await browser.post('/sso', {
      SAMLRequest: Buffer.from(`<!DOCTYPE a [<!ENTITY b "c">]>${unknown}`).toString('base64'),
    });
    expect(await doctype.text()).toContain('contains a DOCTYPE');
  });

  it('previews mappings as a table for an admin, and refuses others', async () => {
    const admin = new Browser(idp.url);
    await admin.login('alice');
    const preview = compact(await (await admin.get('/applications/aws/preview?user=bob')).text());
    expect(preview).toContain('<table data-testid="preview">');
    expect(preview).toContain(
      '<tr><td>https://aws.amazon.com/SAML/Attributes/Role</td><td><code>arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/local</code></td></tr>',
    );
    const other = new Browser(idp.url);
    await other.login('bob');
    expect((await other.get('/applications/aws/preview?user=bob')).status).toBe(403);
  });

  it('adds an application from uploaded SP metadata (IAM Identity Center flow)', async () => {
    const admin = new Browser(idp.url);
    await admin.login('alice');
    const metadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://eu-west-1.signin.aws.amazon.com/platform/saml/d-1111111111"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/abc" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>`;
    expect((await admin.post('/applications', { slug: 'ic-eu', metadata })).status).toBe(303);
    const form = formOf(await (await admin.get('/applications/ic-eu/sso')).text());
    expect(form.action).toBe('https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/abc');
    expect(inspect(form.fields.SAMLResponse!).saml.audiences).toEqual([
      'https://eu-west-1.signin.aws.amazon.com/platform/saml/d-1111111111',
    ]);
  });

  it('reports a mapping that throws at sign-in time instead of dropping it', async () => {
    const config = parseConfig(
      `users: [{ username: alice, password: demo }]
applications:
  - slug: flaky
    acsUrl: https://signin.aws.amazon.com/saml
    audience: urn:amazon:webservices
    mappings:
      - { name: x, expression: "globalThis.calls = (globalThis.calls ?? 0) + 1; if (globalThis.calls > 1) throw new Error('database down'); return 'ok'" }`,
      'flaky.yaml',
    );
    const flaky = await startIdp({ config });
    try {
      const browser = new Browser(flaky.url);
      await browser.login('alice');
      const page = await browser.get('/applications/flaky/sso');
      expect(page.status).toBe(500);
      expect(await page.text()).toContain(
        'flaky.yaml: application flaky, mapping x: expression threw: database down (user alice)',
      );
    } finally {
      await flaky.close();
    }
  });
});

describe('npm run idp', () => {
  it('a --config file that does not exist: "no such file" with its absolute path, one line', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const failure = (await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/idp/main.ts', '--config', 'nope.yaml', '--port', '0'],
      { cwd: root },
    ).then(
      () => undefined,
      (error: unknown) => error,
    )) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toBe(`saml-roles idp: no such file: ${join(root, 'nope.yaml')}\n`);
  });

  it('stops on a bad configuration with a message naming the file, entry and problem', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'bad.yaml');
      await writeFile(
        file,
        'users: [{ username: a, password: b, colour: red }]\napplications: []\n',
      );
      const root = resolve(import.meta.dirname, '../..');
      const run = promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/idp/main.ts',
          '--config',
          file,
          '--port',
          '0',
          '--data-dir',
          dir.path,
        ],
        { cwd: root },
      );
      const failure = (await run.then(
        () => undefined,
        (error: unknown) => error,
      )) as { code: number; stderr: string };
      expect(failure.code).toBe(2);
      expect(failure.stderr.trim()).toBe(
        `saml-roles idp: ${file}: users[0] (a): unknown key "colour" (allowed: username, name, email, password, groups, attributes, admin, photo)`,
      );
    } finally {
      await dir.remove();
    }
  });
});
