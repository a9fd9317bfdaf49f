// An attribute AWS requires that a mapping leaves empty, as the running IdP says it (issue 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/idp/config.ts';
import { startIdp } from '../../src/idp/server.ts';
import { Browser, compact, formOf } from './helpers.ts';

const SESSION = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const CONFIG = `users:
  - { username: alice, password: demo, admin: true }
applications:
  - slug: aws
    acsUrl: https://signin.aws.amazon.com/saml
    audience: urn:amazon:webservices
    mappings:
      - { name: https://aws.amazon.com/SAML/Attributes/Role, value: "arn:aws:iam::111111111111:role/Dev,arn:aws:iam::111111111111:saml-provider/local" }
      - { name: ${SESSION}, expression: "return user.usernme" }
`;
const WARNING = `team.yaml: application aws, mapping ${SESSION}: empty for user alice, so AWS will refuse the sign-in (RoleSessionName is required); user.usernme is not a property of user: did you mean user.username?`;

let idp: Awaited<ReturnType<typeof startIdp>>;
const logged: string[] = [];
beforeAll(async () => {
  idp = await startIdp({
    config: parseConfig(CONFIG, 'team.yaml'),
    warn: (line) => void logged.push(line),
  });
});
afterAll(async () => {
  await idp?.close();
});

describe('a required attribute left empty, in the running IdP', () => {
  it('is logged at start-up', () => {
    expect(logged).toEqual([WARNING]);
  });

  it('is logged again at sign-in, and the response still goes out', async () => {
    logged.length = 0;
    const browser = new Browser(idp.url);
    await browser.login('alice');
    const page = await browser.get('/applications/aws/sso');
    expect(page.status).toBe(200);
    expect(formOf(await page.text()).fields.SAMLResponse).toBeTruthy();
    expect(logged).toEqual([WARNING]);
  });

  it('is shown on the preview page, escaped', async () => {
    const admin = new Browser(idp.url);
    await admin.login('alice');
    const page = compact(await (await admin.get('/applications/aws/preview?user=alice')).text());
    expect(page).toContain('<ul class="warnings" data-testid="preview-warnings">');
    expect(page).toContain(`<li>${WARNING}</li>`);
  });
});
