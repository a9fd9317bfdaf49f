import { decodeCharacterReferences } from '../encoding/entities.ts';
import { child } from '../saml/xml-tree.ts';
import { scanXml, type XmlElement } from '../saml/xml-scan.ts';
import { explainStsError, type ExplainContext } from './explain.ts';
import type { AssumedRole, AssumeRoleResult, StsCredentials, StsError } from './types.ts';

// STS answers are a few KB; anything far larger is not STS and is not worth scanning.
const MAX_ANSWER_CHARS = 256 * 1024;

/** Reads STS's answer: the documented AssumeRoleWithSAMLResponse, an ErrorResponse, or neither. */
export function readAssumeRoleWithSamlResponse(
  httpStatus: number,
  body: string,
  context: ExplainContext = {},
): AssumeRoleResult {
  const root = scan(body);
  if (root?.name === 'AssumeRoleWithSAMLResponse') {
    const success = readSuccess(root);
    if (success) return success;
    return unexpected(httpStatus, 'the AssumeRoleWithSAMLResponse has no complete Credentials');
  }
  if (root?.name === 'ErrorResponse' || root?.name === 'Error') {
    const error = root.name === 'Error' ? root : child(root, 'Error');
    const code = textOf(child(error, 'Code'));
    if (code) {
      const message = textOf(child(error, 'Message')) ?? '';
      return failure({
        code,
        message,
        ...explainStsError(code, message, context),
        httpStatus,
        ...optional('requestId', textOf(child(root, 'RequestId'))),
      });
    }
  }
  const what = root ? `an XML document <${root.name}>` : describeNonXml(body);
  return unexpected(httpStatus, `HTTP ${httpStatus} with ${what}, not an STS response`);
}

function readSuccess(root: XmlElement): AssumedRole | undefined {
  const result = child(root, 'AssumeRoleWithSAMLResult');
  const creds = child(result, 'Credentials');
  const credentials: Partial<StsCredentials> = {
    accessKeyId: textOf(child(creds, 'AccessKeyId')),
    secretAccessKey: textOf(child(creds, 'SecretAccessKey')),
    sessionToken: textOf(child(creds, 'SessionToken')),
    expiration: textOf(child(creds, 'Expiration')),
  };
  const user = child(result, 'AssumedRoleUser');
  const assumedRoleArn = textOf(child(user, 'Arn'));
  if (Object.values(credentials).some((v) => !v) || !assumedRoleArn) return undefined;
  const packed = textOf(child(result, 'PackedPolicySize'));
  return {
    ok: true,
    credentials: credentials as StsCredentials,
    assumedRoleArn,
    ...optional('assumedRoleId', textOf(child(user, 'AssumedRoleId'))),
    ...optional('subject', textOf(child(result, 'Subject'))),
    ...optional('subjectType', textOf(child(result, 'SubjectType'))),
    ...optional('issuer', textOf(child(result, 'Issuer'))),
    ...optional('audience', textOf(child(result, 'Audience'))),
    ...optional('nameQualifier', textOf(child(result, 'NameQualifier'))),
    ...optional('sourceIdentity', textOf(child(result, 'SourceIdentity'))),
    ...(packed && /^\d+$/.test(packed) ? { packedPolicySize: Number(packed) } : {}),
    ...optional('requestId', textOf(child(child(root, 'ResponseMetadata'), 'RequestId'))),
  };
}

function scan(body: string): XmlElement | undefined {
  const text = body.trim();
  if (!text.startsWith('<') || text.length > MAX_ANSWER_CHARS) return undefined;
  try {
    return scanXml(text);
  } catch {
    return undefined;
  }
}

function textOf(element: XmlElement | undefined): string | undefined {
  const value = element ? decodeCharacterReferences(element.text).trim() : '';
  return value === '' ? undefined : value;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function describeNonXml(body: string): string {
  const text = body.trim();
  if (text === '') return 'an empty body';
  const first = text.slice(0, 60).replace(/\s+/g, ' ');
  return `a body that is not STS XML ("${first}${text.length > 60 ? '...' : ''}")`;
}

/** An answer that is not STS's, e.g. a proxy's page or a wrong endpoint. */
export function unexpected(httpStatus: number, message: string): AssumeRoleResult {
  return failure({
    code: 'UnexpectedResponse',
    message,
    ...explainStsError('UnexpectedResponse', message),
    httpStatus,
  });
}

function failure(error: StsError): AssumeRoleResult {
  return { ok: false, error };
}
