import { describe, expect, it } from 'vitest';
import { buildAssumeRoleWithSamlRequest } from '../../../src/core/sts/request.ts';
import { encodeQueryValue } from '../../../src/core/sts/form.ts';

const BASE = {
  roleArn: 'arn:aws:iam::123456789012:role/team/Dev',
  principalArn: 'arn:aws:iam::123456789012:saml-provider/Okta',
  samlAssertion: 'PHNhbWw+/a+b=',
  endpoint: 'https://sts.amazonaws.com/',
};

describe('buildAssumeRoleWithSamlRequest', () => {
  it('is the documented query API: POST, form-encoded, fields in order, no DurationSeconds unless set', () => {
    const request = buildAssumeRoleWithSamlRequest(BASE);
    expect(request).toEqual({
      url: 'https://sts.amazonaws.com/',
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        accept: 'text/xml',
      },
      body:
        'Action=AssumeRoleWithSAML&Version=2011-06-15' +
        '&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fteam%2FDev' +
        '&PrincipalArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Asaml-provider%2FOkta' +
        '&SAMLAssertion=PHNhbWw%2B%2Fa%2Bb%3D',
    });
  });

  it('appends DurationSeconds last when set', () => {
    const { body } = buildAssumeRoleWithSamlRequest({ ...BASE, durationSeconds: 7200 });
    expect(body).toMatch(/&SAMLAssertion=[^&]+&DurationSeconds=7200$/);
  });

  it('drops line breaks a pasted base64 assertion carries', () => {
    const { body } = buildAssumeRoleWithSamlRequest({ ...BASE, samlAssertion: 'PHNh\r\nbWw+\n' });
    expect(body).toContain('&SAMLAssertion=PHNhbWw%2B');
  });

  it('decodes back to exactly the values given', () => {
    const { body } = buildAssumeRoleWithSamlRequest({ ...BASE, durationSeconds: 900 });
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      Action: 'AssumeRoleWithSAML',
      Version: '2011-06-15',
      RoleArn: BASE.roleArn,
      PrincipalArn: BASE.principalArn,
      SAMLAssertion: BASE.samlAssertion,
      DurationSeconds: '900',
    });
  });

  it.each([899, 43201, 1.5, Number.NaN])('refuses DurationSeconds %s before sending', (d) => {
    expect(() => buildAssumeRoleWithSamlRequest({ ...BASE, durationSeconds: d })).toThrow(
      /DurationSeconds .* must be a whole number of seconds from 900 to 43200/,
    );
  });

  it('refuses a missing role, provider, assertion or endpoint', () => {
    for (const name of ['roleArn', 'principalArn', 'samlAssertion', 'endpoint'] as const)
      expect(() => buildAssumeRoleWithSamlRequest({ ...BASE, [name]: ' ' })).toThrow(
        `AssumeRoleWithSAML needs a ${name}`,
      );
  });
});

describe('encodeQueryValue', () => {
  it("encodes RFC 3986 reserved characters, including !'()*", () => {
    expect(encodeQueryValue("a b!'()*~._-/+=")).toBe('a%20b%21%27%28%29%2A~._-%2F%2B%3D');
  });
});
