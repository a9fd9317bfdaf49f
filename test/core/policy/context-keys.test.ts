import { describe, expect, it } from 'vitest';
import { inspect } from '../../../src/core/inspect.ts';
import {
  computeContextKeys,
  contextKeysByProvider,
  contextKeysToJson,
  MAX_PROVIDERS_WITH_KEYS,
  nameQualifier,
  subjectType,
} from '../../../src/core/policy.ts';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../../support/saml-fixture.ts';

const NOW = { now: new Date('2026-01-01T00:30:00Z') };
const PROVIDER = providerArn('123456789012', 'MyIdP');
const tag = (key: string) => `https://aws.amazon.com/SAML/Attributes/PrincipalTag:${key}`;

function inspected(options: Parameters<typeof buildSamlResponse>[0] = {}) {
  return inspect(toBase64(buildSamlResponse(options)), NOW);
}

describe('saml:namequalifier', () => {
  it("matches the AssumeRoleWithSAML reference's pseudocode example", () => {
    // BASE64(SHA1("https://example.com/saml" + "123456789012" + "/MySAMLIdP")), worked out with
    // printf 'https://example.com/saml123456789012/MySAMLIdP' | openssl sha1 -binary | base64
    expect(nameQualifier('https://example.com/saml', '123456789012', 'MySAMLIdP')).toBe(
      '1uAJanUnBc2XeUkHURMht+xam2c=',
    );
  });

  it('hashes the UTF-8 bytes, so a non-ASCII issuer gives the value openssl does', () => {
    // printf 'https://idp.example.com/é123456789012/P' | openssl sha1 -binary | base64
    expect(nameQualifier('https://idp.example.com/é', '123456789012', 'P')).toBe(
      'wdNXrOAfGJrHt6/noq/LwNqw6Zo=',
    );
  });
});

describe('computeContextKeys', () => {
  it('gives every documented key, each worked out by hand', () => {
    const inspection = inspected({
      issuer: 'https://idp.example.com/metadata',
      nameId: 'alice',
      recipient: 'https://signin.aws.amazon.com/saml',
      audience: 'urn:amazon:webservices',
      sessionName: 'alice@example.com',
      extraAttributes: [
        { name: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1', values: ['staff', 'member'] },
        { name: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6', values: ['alice@example.edu', 'ignored'] },
        { name: 'urn:oid:2.5.4.3', values: ['Alice Liddell'] },
        { name: 'urn:oid:0.9.2342.19200300.100.1.1', values: ['alice'] },
        { name: 'urn:oid:0.9.2342.19200300.100.1.3', values: ['alice@example.com'] },
        { name: 'urn:oid:2.5.4.42', values: ['Alice'] },
        { name: '2.5.4.4', values: ['Liddell'] },
        { name: 'http://schemas.xmlsoap.org/claims/CommonName', values: ['A. Liddell'] },
        { name: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity', values: ['alice'] },
        { name: tag('Project'), values: ['Wonderland'] },
        { name: tag('CostCenter'), values: ['12345'] },
        { name: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys', values: ['Project'] },
        { name: 'urn:example:not-mapped', values: ['x'] },
      ],
    });
    const keys = computeContextKeys(inspection, PROVIDER);
    expect({ ...keys }).toEqual({
      'saml:aud': ['https://signin.aws.amazon.com/saml'],
      'saml:iss': ['https://idp.example.com/metadata'],
      'saml:sub': ['alice'],
      'saml:sub_type': ['persistent'],
      // printf 'https://idp.example.com/metadata123456789012/MyIdP' | openssl sha1 -binary | base64
      'saml:namequalifier': ['+F/KmiYCHFX/PYAAjpLoYtbI1Bg='],
      'saml:doc': ['123456789012/MyIdP'],
      'saml:edupersonaffiliation': ['staff', 'member'],
      'saml:edupersonprincipalname': ['alice@example.edu'],
      'saml:cn': ['Alice Liddell'],
      'saml:uid': ['alice'],
      'saml:mail': ['alice@example.com'],
      'saml:givenName': ['Alice'],
      'saml:surname': ['Liddell'],
      'saml:commonName': ['A. Liddell'],
      'sts:RoleSessionName': ['alice@example.com'],
      'sts:SourceIdentity': ['alice'],
      'aws:RequestTag/Project': ['Wonderland'],
      'aws:RequestTag/CostCenter': ['12345'],
      'aws:TagKeys': ['Project', 'CostCenter'],
      'sts:TransitiveTagKeys': ['Project'],
    });
    expect(Object.getPrototypeOf(keys)).toBeNull();
  });

  it('saml:aud is the Recipient, never the Audience', () => {
    const keys = computeContextKeys(
      inspected({ recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' }),
      PROVIDER,
    );
    expect(keys['saml:aud']).toEqual(['https://eu-west-1.signin.aws.amazon.com/saml']);
    expect(
      computeContextKeys(inspected({ recipient: null }), PROVIDER)['saml:aud'],
    ).toBeUndefined();
  });

  it.each([
    ['urn:oasis:names:tc:SAML:2.0:nameid-format:transient', 'transient'],
    ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', 'persistent'],
    [
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    ],
    ['urn:example:custom', 'urn:example:custom'],
  ])('saml:sub_type of %s is %s (only the SAML 2.0 prefix is removed)', (format, expected) => {
    expect(
      computeContextKeys(inspected({ nameIdFormat: format }), PROVIDER)['saml:sub_type'],
    ).toEqual([expected]);
    expect(subjectType(format)).toBe(expected);
  });

  it.each([
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.2', 'saml:edupersonnickname', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.3', 'saml:edupersonorgdn', false],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.4', 'saml:edupersonorgunitdn', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.5', 'saml:edupersonprimaryaffiliation', false],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.7', 'saml:edupersonentitlement', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.8', 'saml:edupersonprimaryorgunitdn', false],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.9', 'saml:edupersonscopedaffiliation', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.10', 'saml:edupersontargetedid', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.1.1.11', 'saml:edupersonassurance', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.2.1.2', 'saml:eduorghomepageuri', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.2.1.3', 'saml:eduorgidentityauthnpolicyuri', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.2.1.4', 'saml:eduorglegalname', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.2.1.5', 'saml:eduorgsuperioruri', true],
    ['urn:oid:1.3.6.1.4.1.5923.1.2.1.6', 'saml:eduorgwhitepagesuri', true],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'saml:name', false],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'saml:givenName', false],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'saml:surname', false],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'saml:mail', false],
    ['2.5.4.3', 'saml:commonName', false],
    ['urn:oid:2.5.4.45', 'saml:x500UniqueIdentifier', false],
    ['2.4.5.42', 'saml:givenName', false],
    ['0.9.2342.19200300100.1.1', 'saml:uid', false],
    ['0.9.2342.19200300100.1.3', 'saml:mail', false],
    ['urn:oid:0.9.2342.19200300.100.1.45', 'saml:organizationStatus', false],
  ])('%s maps to %s (list: %s)', (name, key, list) => {
    const keys = computeContextKeys(
      inspected({ extraAttributes: [{ name, values: [' one ', 'two'] }] }),
      PROVIDER,
    );
    expect(keys[key]).toEqual(list ? ['one', 'two'] : ['one']);
  });

  it('primarygroupsid sets saml:uid (the mapping table) and saml:primaryGroupSID (the key list)', () => {
    const keys = computeContextKeys(
      inspected({
        extraAttributes: [
          {
            name: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid',
            values: ['S-1-5-21-513'],
          },
        ],
      }),
      PROVIDER,
    );
    expect(keys['saml:uid']).toEqual(['S-1-5-21-513']);
    expect(keys['saml:primaryGroupSID']).toEqual(['S-1-5-21-513']);
  });

  it('maps only the first claim for a key, as IAM says', () => {
    const keys = computeContextKeys(
      inspected({
        extraAttributes: [
          { name: 'urn:oid:0.9.2342.19200300.100.1.1', values: ['first'] },
          {
            name: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid',
            values: ['second'],
          },
        ],
      }),
      PROVIDER,
    );
    expect(keys['saml:uid']).toEqual(['first']);
  });

  it('leaves out what the assertion does not give', () => {
    const keys = computeContextKeys(inspected({ sessionName: null }), PROVIDER);
    for (const key of [
      'sts:RoleSessionName',
      'sts:SourceIdentity',
      'aws:TagKeys',
      'sts:TransitiveTagKeys',
    ])
      expect(keys).not.toHaveProperty(key);
  });

  it('keeps hostile tag keys as data (no prototype pollution)', () => {
    const keys = computeContextKeys(
      inspected({
        extraAttributes: [
          { name: tag('__proto__'), values: ['x'] },
          { name: tag('constructor'), values: ['y'] },
        ],
      }),
      PROVIDER,
    );
    expect(keys['aws:RequestTag/__proto__']).toEqual(['x']);
    expect(keys['aws:TagKeys']).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('refuses a provider the Role attribute does not name, saying which it names', () => {
    expect(() => computeContextKeys(inspected(), roleArn('123456789012', 'Admin'))).toThrow(
      'is not a provider the Role attribute names (arn:aws:iam::123456789012:saml-provider/MyIdP)',
    );
    expect(() => computeContextKeys(inspected({ roles: null }), PROVIDER)).toThrow('it names none');
  });

  it('gives each provider of the Role attribute its own saml:doc and saml:namequalifier', () => {
    const inspection = inspected({
      issuer: 'https://idp.example.com/metadata',
      roles: [
        [roleArn('123456789012', 'A'), PROVIDER],
        [roleArn('210987654321', 'B'), providerArn('210987654321', 'OtherIdP')],
        [roleArn('123456789012', 'C'), PROVIDER],
      ],
    });
    const { keys: byProvider, omitted } = contextKeysByProvider(inspection);
    expect(omitted).toBe(0);
    expect(Object.keys(byProvider)).toEqual([PROVIDER, providerArn('210987654321', 'OtherIdP')]);
    const other = byProvider[providerArn('210987654321', 'OtherIdP')]!;
    expect(other['saml:doc']).toEqual(['210987654321/OtherIdP']);
    // printf 'https://idp.example.com/metadata210987654321/OtherIdP' | openssl sha1 -binary | base64
    expect(other['saml:namequalifier']).toEqual(['ljT7inHuQFZ6O9T8iGtyxhqcgjs=']);
  });

  it('lists at most MAX_PROVIDERS_WITH_KEYS providers, in linear time however many are named', () => {
    const roles = Array.from({ length: 2500 }, (_, i): [string, string] => {
      const account = String(100000000000 + i);
      return [roleArn(account, 'R'), providerArn(account, `P${i}`)];
    });
    const tags = Array.from({ length: 2500 }, (_, i) => ({ name: tag(`T${i}`), values: ['v'] }));
    const inspection = inspected({ roles, extraAttributes: tags });
    const started = performance.now();
    const { keys, omitted } = contextKeysByProvider(inspection);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Object.keys(keys)).toHaveLength(MAX_PROVIDERS_WITH_KEYS);
    expect(omitted).toBe(2500 - MAX_PROVIDERS_WITH_KEYS);
    expect(
      computeContextKeys(inspection, providerArn('100000002499', 'P2499'))['saml:doc'],
    ).toEqual(['100000002499/P2499']);
    expect(() => computeContextKeys(inspection, PROVIDER)).toThrow(/P4, and 2495 more\)$/);
  });

  it('reports a one-value key as a string and a list key as an array', () => {
    const keys = computeContextKeys(
      inspected({
        extraAttributes: [{ name: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1', values: ['staff'] }],
      }),
      PROVIDER,
    );
    const json = contextKeysToJson(keys);
    expect(json['saml:sub']).toBe('alice');
    expect(json['saml:edupersonaffiliation']).toEqual(['staff']);
  });
});
