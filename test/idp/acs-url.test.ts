import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/idp/config.ts';
import { acsUrlProblem } from '../../src/idp/saml/acs-url.ts';
import { parseSpMetadata } from '../../src/idp/saml/sp-metadata.ts';

const metadata = (location: string) =>
  `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:sp"><md:SPSSODescriptor><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${location}"/></md:SPSSODescriptor></md:EntityDescriptor>`;

describe('ACS URLs: http(s) only, one check for the config file and uploaded metadata', () => {
  it.each([
    ['https://signin.aws.amazon.com/saml', undefined],
    ['http://127.0.0.1:8080/acs', undefined],
    ['javascript:alert(1)', 'ACS URL "javascript:alert(1)" is not an http(s) URL'],
    ['JavaScript://%0aalert(1)', 'ACS URL "JavaScript://%0aalert(1)" is not an http(s) URL'],
    ['data:text/html,x', 'ACS URL "data:text/html,x" is not an http(s) URL'],
    ['https://', 'ACS URL "https://" is not a URL'],
    ['/relative/acs', 'ACS URL "/relative/acs" is not a URL'],
  ])('%s', (url, problem) => {
    expect(acsUrlProblem(url)).toBe(problem);
  });

  it('is applied to uploaded SP metadata', () => {
    expect(() => parseSpMetadata(metadata('javascript:alert(1)'))).toThrow(
      'the SP metadata for urn:sp: ACS URL "javascript:alert(1)" is not an http(s) URL',
    );
  });

  it('is applied to the config file, acsUrl and spMetadata alike', () => {
    const app = (fields: string) =>
      `users: [{ username: a, password: b }]\napplications:\n  - { slug: x, ${fields} }\n`;
    expect(() =>
      parseConfig(app('acsUrl: "javascript:alert(1)", audience: urn:x'), 'c.yaml'),
    ).toThrow('c.yaml: applications[0] (x): ACS URL "javascript:alert(1)" is not an http(s) URL');
    expect(() =>
      parseConfig(app(`spMetadata: '${metadata('javascript:alert(1)')}'`), 'c.yaml'),
    ).toThrow('ACS URL "javascript:alert(1)" is not an http(s) URL');
  });
});
