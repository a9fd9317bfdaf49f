import { describe, expect, it } from 'vitest';
import { readAssumeRoleWithSamlResponse } from '../../../src/core/sts/response.ts';

// The example in the AssumeRoleWithSAML API reference, with its whitespace.
const SUCCESS = `<AssumeRoleWithSAMLResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithSAMLResult>
  <Issuer> https://integ.example.com/idp/shibboleth</Issuer>
  <AssumedRoleUser>
    <Arn>arn:aws:sts::123456789012:assumed-role/TestSaml</Arn>
    <AssumedRoleId>ARO456EXAMPLE789:TestSaml</AssumedRoleId>
  </AssumedRoleUser>
  <Credentials>
    <AccessKeyId>ASIAV3ZUEFP6EXAMPLE</AccessKeyId>
    <SecretAccessKey>8P+SQvWIuLnKhh8d++jpw0nNmQRBZvNEXAMPLEKEY</SecretAccessKey>
    <SessionToken>IQoJb3JpZ2luX2VjEOz////////////////////wEXAMPLEtMSJHMEUCIDoKK3JH9uG</SessionToken>
    <Expiration>2019-11-01T20:26:47Z</Expiration>
  </Credentials>
  <Audience>https://signin.aws.amazon.com/saml</Audience>
  <SubjectType>transient</SubjectType>
  <PackedPolicySize>6</PackedPolicySize>
  <NameQualifier>SbdGOnUkh1i4+EXAMPLExL/jEvs=</NameQualifier>
  <SourceIdentity>SourceIdentityValue</SourceIdentity>
  <Subject>SamlExample</Subject>
  </AssumeRoleWithSAMLResult>
  <ResponseMetadata>
    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
  </ResponseMetadata>
</AssumeRoleWithSAMLResponse>`;

const errorXml = (code: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>0f7a2c49-1111-2222-3333-444455556666</RequestId>
</ErrorResponse>`;

describe('readAssumeRoleWithSamlResponse: success', () => {
  it('reads the documented result', () => {
    expect(readAssumeRoleWithSamlResponse(200, SUCCESS)).toEqual({
      ok: true,
      credentials: {
        accessKeyId: 'ASIAV3ZUEFP6EXAMPLE',
        secretAccessKey: '8P+SQvWIuLnKhh8d++jpw0nNmQRBZvNEXAMPLEKEY',
        sessionToken: 'IQoJb3JpZ2luX2VjEOz////////////////////wEXAMPLEtMSJHMEUCIDoKK3JH9uG',
        expiration: '2019-11-01T20:26:47Z',
      },
      assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/TestSaml',
      assumedRoleId: 'ARO456EXAMPLE789:TestSaml',
      subject: 'SamlExample',
      subjectType: 'transient',
      issuer: 'https://integ.example.com/idp/shibboleth',
      audience: 'https://signin.aws.amazon.com/saml',
      nameQualifier: 'SbdGOnUkh1i4+EXAMPLExL/jEvs=',
      sourceIdentity: 'SourceIdentityValue',
      packedPolicySize: 6,
      requestId: 'c6104cbe-af31-11e0-8154-cbc7ccf896c7',
    });
  });

  it('decodes character references and accepts a namespace prefix', () => {
    const xml = SUCCESS.replace(/<(\/?)([A-Z])/g, '<$1sts:$2')
      .replace('xmlns=', 'xmlns:sts=')
      .replace('SamlExample', 'a&amp;b &#x263A;');
    const result = readAssumeRoleWithSamlResponse(200, xml);
    expect(result.ok && result.subject).toBe('a&b \u263a');
  });

  it('refuses a result without complete credentials', () => {
    const result = readAssumeRoleWithSamlResponse(
      200,
      SUCCESS.replace(/<SessionToken>.*<\/SessionToken>/, ''),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'UnexpectedResponse',
        message: "the AssumeRoleWithSAMLResponse's result has no Credentials/SessionToken",
      },
    });
  });
});

describe('readAssumeRoleWithSamlResponse: ErrorResponse', () => {
  it.each([
    ['InvalidIdentityToken', /could not validate the SAML assertion/, /metadata in IAM/],
    ['ExpiredTokenException', /validity window/, /Sign in through your IdP again/],
    ['IDPRejectedClaim', /reported a failure/, /attribute mappings/],
    ['AccessDenied', /trust policy/, /sts:AssumeRoleWithSAML/],
    ['RegionDisabledException', /not activated in this region/, /Activate the region/],
    ['PackedPolicyTooLarge', /session tags/, /fewer or shorter PrincipalTag/],
    ['Throttling', /rate-limiting/, /retry/],
  ])('explains %s', (code, meaning, action) => {
    const result = readAssumeRoleWithSamlResponse(400, errorXml(code, 'AWS &apos;words&apos;'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code,
      message: "AWS 'words'",
      httpStatus: 400,
      requestId: '0f7a2c49-1111-2222-3333-444455556666',
    });
    expect(result.error.meaning).toMatch(meaning);
    expect(result.error.action).toMatch(action);
    expect(result.error.retryDurationSeconds).toBeUndefined();
  });

  it('suggests AWS default maximum (3600) when DurationSeconds exceeds an unknown MaxSessionDuration', () => {
    const result = readAssumeRoleWithSamlResponse(
      400,
      errorXml(
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      ),
      { requestedDurationSeconds: 28800 },
    );
    expect(result.ok || result.error).toMatchObject({
      code: 'ValidationError',
      retryDurationSeconds: 3600,
      meaning:
        "The requested session length (28800 s) is longer than the role's maximum session duration.",
      action:
        "Retry with 3600 seconds (AWS's default maximum), or raise the role's maximum session duration in IAM.",
    });
  });

  it('suggests the known MaxSessionDuration when the caller has it', () => {
    const result = readAssumeRoleWithSamlResponse(
      400,
      errorXml(
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      ),
      { requestedDurationSeconds: 43200, maxSessionDuration: 14400 },
    );
    expect(result.ok || result.error.retryDurationSeconds).toBe(14400);
  });

  it('explains other validation errors without a retry length', () => {
    const result = readAssumeRoleWithSamlResponse(
      400,
      errorXml('ValidationError', "Value null at 'roleArn' failed to satisfy constraint"),
    );
    expect(result.ok || result.error).toMatchObject({
      meaning: 'STS refused a request parameter.',
    });
    expect(result.ok || result.error.retryDurationSeconds).toBeUndefined();
  });

  it('keeps an unknown code with a generic explanation', () => {
    const result = readAssumeRoleWithSamlResponse(500, errorXml('InternalFailure', 'oops'));
    expect(result.ok || result.error).toMatchObject({
      code: 'InternalFailure',
      message: 'oops',
      meaning: 'STS refused the request.',
      httpStatus: 500,
    });
  });
});

describe('readAssumeRoleWithSamlResponse: not STS', () => {
  it.each([
    [
      502,
      '<html><body>Bad gateway',
      /HTTP 502 with a body that is not STS XML \("<html><body>Bad gateway"\)/,
    ],
    [200, '', /HTTP 200 with an empty body/],
    [200, '{"Credentials":{}}', /HTTP 200 with a body that is not STS XML/],
    [200, '<Other/>', /HTTP 200 with an XML document <Other>/],
    [
      400,
      '<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>',
      /<ErrorResponse>/,
    ],
    [200, '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', /not STS XML/],
    [200, `<a>${'x'.repeat(300_000)}</a>`, /not STS XML/],
  ])('HTTP %s %#: UnexpectedResponse', (status, body, message) => {
    const result = readAssumeRoleWithSamlResponse(status, body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UnexpectedResponse');
    expect(result.error.message).toMatch(message);
    expect(result.error.action).toMatch(/endpoint URL points at STS/);
  });
});
