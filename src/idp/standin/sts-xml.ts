import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { escapeXmlText as x } from '../saml/xml-text.ts';
import { STAND_IN_NAME, xmlResponse, type StandInResponse } from './types.ts';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type StsErrorCode =
  | 'InvalidIdentityToken'
  | 'ExpiredTokenException'
  | 'IDPRejectedClaim'
  | 'ValidationError'
  | 'AccessDenied'
  | 'InvalidAction';

/** STS's query-API error document (HTTP 400, or 403 for AccessDenied). */
export function stsError(code: StsErrorCode, message: string): StandInResponse {
  const body = `<ErrorResponse xmlns="${STS_NS}">
  <Error>
    <Type>Sender</Type>
    <Code>${code}</Code>
    <Message>${x(message)}</Message>
  </Error>
  <RequestId>${randomUUID()}</RequestId>
</ErrorResponse>
`;
  return xmlResponse(code === 'AccessDenied' ? 403 : 400, body);
}

export interface AssumedRoleResult {
  roleArn: string;
  assumedRoleArn: string;
  sessionName: string;
  expiration: Date;
  subject: string;
  subjectType: string;
  issuer: string;
  audience: string;
  nameQualifier: string;
  sourceIdentity?: string;
}

function randomChars(length: number, alphabet: string): string {
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** `AROA` + 17 characters, stable per role as IAM's role IDs are. */
function roleId(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  return `AROA${Array.from(digest.subarray(0, 17), (b) => BASE32[b % 32]).join('')}`;
}

/** The documented AssumeRoleWithSAML response; the credentials are random and work nowhere. */
export function assumeRoleWithSamlResponse(result: AssumedRoleResult): StandInResponse {
  const sessionToken = Buffer.concat([
    Buffer.from(`${STAND_IN_NAME}: not a real session token.`),
    randomBytes(180),
  ]).toString('base64');
  // Elements in the order of the AssumeRoleWithSAML reference's example response.
  const body = `<AssumeRoleWithSAMLResponse xmlns="${STS_NS}">
  <AssumeRoleWithSAMLResult>
    <Issuer>${x(result.issuer)}</Issuer>
    <AssumedRoleUser>
      <Arn>${x(result.assumedRoleArn)}</Arn>
      <AssumedRoleId>${roleId(result.roleArn)}:${x(result.sessionName)}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIA${randomChars(16, BASE32)}</AccessKeyId>
      <SecretAccessKey>${randomBytes(30).toString('base64')}</SecretAccessKey>
      <SessionToken>${sessionToken}</SessionToken>
      <Expiration>${result.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z')}</Expiration>
    </Credentials>
    <Audience>${x(result.audience)}</Audience>
    <SubjectType>${x(result.subjectType)}</SubjectType>
    <NameQualifier>${x(result.nameQualifier)}</NameQualifier>
${result.sourceIdentity !== undefined ? `    <SourceIdentity>${x(result.sourceIdentity)}</SourceIdentity>\n` : ''}    <Subject>${x(result.subject)}</Subject>
  </AssumeRoleWithSAMLResult>
  <ResponseMetadata>
    <RequestId>${randomUUID()}</RequestId>
  </ResponseMetadata>
</AssumeRoleWithSAMLResponse>
`;
  return xmlResponse(200, body);
}
