import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/idp/config.ts';
import { generateSelfSigned } from '../../src/idp/crypto/selfsigned.ts';
import { startIdp } from '../../src/idp/server.ts';
import { startAwsStandIn } from '../../src/idp/standin/server.ts';
import { Browser, compact, formOf, postAs, readResponse } from './helpers.ts';

const HOSTS = [
  'signin.aws.amazon.com',
  'us-east-2.signin.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  'sts.amazonaws.com',
];
let idp: Awaited<ReturnType<typeof startIdp>>;
let standIn: Awaited<ReturnType<typeof startAwsStandIn>>;
let tls: { certPem: string; keyPem: string };

beforeAll(async () => {
  idp = await startIdp({ config: demoConfig() });
  tls = await generateSelfSigned('AWS sign-in test stand-in', HOSTS);
  standIn = await startAwsStandIn({ https: tls, trustedIdpMetadata: [idp.metadataXml] });
});
afterAll(async () => {
  await standIn?.close();
  await idp?.close();
});

/** Signs in at the IdP and opens the app: the response the browser would POST to AWS. */
async function responseFor(
  username: string,
  slug: string,
): Promise<{ action: string; fields: Record<string, string> }> {
  const browser = new Browser(idp.url);
  await browser.login(username);
  return formOf(await (await browser.get(`/applications/${slug}/sso`)).text());
}

describe('the AWS sign-in test stand-in over HTTPS, reached as the AWS hosts', () => {
  it('serves HTTPS on 127.0.0.1 and names itself a stand-in', async () => {
    expect(standIn.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const page = await postAs(`${standIn.url}/saml`, 'signin.aws.amazon.com', {}, tls.certPem);
    expect(page.status).toBe(400);
    expect(page.body).toContain('AWS sign-in test stand-in (saml-roles)');
    expect(page.body).toContain('It is not AWS.');
  });

  it('takes a one-role response from the IdP straight to the assumed role', async () => {
    const form = await responseFor('alice', 'aws');
    const page = await postAs(
      `${standIn.url}/saml`,
      new URL(form.action).host,
      form.fields,
      tls.certPem,
    );
    expect(page.status).toBe(200);
    expect(compact(page.body)).toContain(
      'data-testid="assumed-role-arn">arn:aws:sts::123412341234:assumed-role/developer/alice</code>',
    );
  });

  it('renders the role choice, and signs in with the chosen roleIndex', async () => {
    const form = await responseFor('bob', 'aws');
    const choice = compact(
      (await postAs(`${standIn.url}/saml`, 'signin.aws.amazon.com', form.fields, tls.certPem)).body,
    );
    const next = formOf(choice);
    expect(next.action).toBe('/saml');
    expect(next.fields.SAMLResponse).toBe(form.fields.SAMLResponse);
    const picked = await postAs(
      `${standIn.url}/saml`,
      'signin.aws.amazon.com',
      { ...next.fields, roleIndex: 'arn:aws:iam::333333333333:role/BillingViewer' },
      tls.certPem,
    );
    expect(compact(picked.body)).toContain(
      '>arn:aws:sts::333333333333:assumed-role/BillingViewer/bob</code>',
    );
  });

  it('accepts regional and GovCloud responses at their hosts', async () => {
    for (const [user, slug, role] of [
      [
        'carol',
        'aws-us-east-2',
        'arn:aws:sts::444455556666:assumed-role/Analyst/carol@example.com',
      ],
      ['dave', 'aws-govcloud', 'arn:aws-us-gov:sts::555566667777:assumed-role/GovOperator/dave'],
    ] as const) {
      const form = await responseFor(user, slug);
      const page = await postAs(
        `${standIn.url}/saml`,
        new URL(form.action).host,
        form.fields,
        tls.certPem,
      );
      expect(compact(page.body)).toContain(`>${role}</code>`);
    }
  });

  it('rejects a response at the wrong host, and a tampered one', async () => {
    const form = await responseFor('alice', 'aws');
    const wrongHost = await postAs(
      `${standIn.url}/saml`,
      'signin.amazonaws-us-gov.com',
      form.fields,
      tls.certPem,
    );
    expect(wrongHost.status).toBe(400);
    expect(wrongHost.body).toContain('Your request included an invalid SAML response.');
    const xml = Buffer.from(form.fields.SAMLResponse!, 'base64')
      .toString('utf8')
      .replace('>alice<', '>mallory<');
    const tampered = await postAs(
      `${standIn.url}/saml`,
      'signin.aws.amazon.com',
      { SAMLResponse: Buffer.from(xml).toString('base64') },
      tls.certPem,
    );
    expect(tampered.status).toBe(400);
  });

  it('answers STS AssumeRoleWithSAML for the response', async () => {
    const form = await responseFor('bob', 'aws');
    const answer = await postAs(
      `${standIn.url}/`,
      'sts.amazonaws.com',
      {
        Action: 'AssumeRoleWithSAML',
        Version: '2011-06-15',
        RoleArn: 'arn:aws:iam::222222222222:role/Deployer',
        PrincipalArn: 'arn:aws:iam::222222222222:saml-provider/local',
        SAMLAssertion: form.fields.SAMLResponse!,
      },
      tls.certPem,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Arn>arn:aws:sts::222222222222:assumed-role/Deployer/bob</Arn>');
  });
});

describe('the stand-in answers only as itself or as AWS (DNS rebinding)', () => {
  it('refuses another Host with 421, naming the ones it answers to', async () => {
    const port = new URL(standIn.url).port;
    const page = await requestAs('/saml', `rebind.attacker.example:${port}`, 'POST');
    expect(page.status).toBe(421);
    expect(page.body).toContain(
      `the AWS sign-in test stand-in answers only as 127.0.0.1:${port} or localhost:${port} or an AWS sign-in or STS host; this request named the host "rebind.attacker.example:${port}"`,
    );
  });

  it('answers as 127.0.0.1:PORT, localhost:PORT and the AWS hosts', async () => {
    const port = new URL(standIn.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, ...HOSTS]) {
      const page = await requestAs('/saml', host, 'POST');
      expect(page.status).toBe(400); // no SAMLResponse: the stand-in's own answer, not a refusal
    }
  });

  it('serves its pages under a CSP: no script, forms post only to itself', async () => {
    const page = await requestAs('/', 'signin.aws.amazon.com', 'GET');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('refuses a body over 1 MB with 413', async () => {
    const page = await postAs(
      `${standIn.url}/saml`,
      'signin.aws.amazon.com',
      { SAMLResponse: 'x'.repeat(1_100_000) },
      tls.certPem,
    );
    expect(page.status).toBe(413);
  });
});

/** A request over HTTPS (TLS as signin.aws.amazon.com) whose Host header is `host`. */
function requestAs(path: string, host: string, method: 'GET' | 'POST') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const target = new URL(path, standIn.url);
      const req = httpsRequest(
        {
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method,
          servername: 'signin.aws.amazon.com',
          checkServerIdentity: () => undefined,
          ca: tls.certPem,
          headers: { host, 'content-length': '0' },
        },
        (res) => void readResponse(res).then(resolve, reject),
      );
      req.on('error', reject);
      req.end();
    },
  );
}
