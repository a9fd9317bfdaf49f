import { child, elementText } from '../saml/xml-tree.ts';
import { scanXml, type XmlElement } from '../saml/xml-scan.ts';
import { escapeUnshowable } from './display.ts';
import { explainStsError, type ExplainContext } from './explain.ts';
import {
  credentialProblem,
  resultFieldProblem,
  type CredentialField,
  type ResultField,
} from './response-fields.ts';
import type { AssumedRole, AssumeRoleResult, StsError } from './types.ts';

// STS answers are a few KB; anything far larger is not STS and is not worth scanning.
const MAX_ANSWER_CHARS = 256 * 1024;
// AWS error codes are identifiers (AccessDenied, InvalidClientTokenId, Sender.Throttling...).
const ERROR_CODE = /^[A-Za-z][\w.]{0,127}$/;
// AWS's messages are a sentence or two; a longer one is cut so it stays readable.
const MAX_MESSAGE_CHARS = 2000;

/** Reads STS's answer: the documented AssumeRoleWithSAMLResponse, an ErrorResponse, or neither. */
export function readAssumeRoleWithSamlResponse(
  httpStatus: number,
  body: string,
  context: ExplainContext = {},
): AssumeRoleResult {
  const root = scan(body);
  if (root?.name === 'AssumeRoleWithSAMLResponse') {
    const success = readSuccess(root);
    if (typeof success !== 'string') return success;
    return unexpected(httpStatus, `the AssumeRoleWithSAMLResponse's ${success}`);
  }
  if (root?.name === 'ErrorResponse' || root?.name === 'Error') {
    const error = root.name === 'Error' ? root : child(root, 'Error');
    const code = textOf(child(error, 'Code'));
    if (code && ERROR_CODE.test(code)) {
      const message = readableMessage(textOf(child(error, 'Message')) ?? '');
      const requestId = textOf(child(root, 'RequestId'));
      return failure({
        code,
        message,
        ...explainStsError(code, message, context),
        httpStatus,
        ...(requestId && !resultFieldProblem('RequestId', requestId) ? { requestId } : {}),
      });
    }
    if (code)
      return unexpected(
        httpStatus,
        `HTTP ${httpStatus} with an error code that is not an AWS error code (${JSON.stringify(escapeUnshowable(code.slice(0, 80)))}), not an STS response`,
      );
  }
  const what = root ? `an XML document <${root.name}>` : describeNonXml(body);
  return unexpected(httpStatus, `HTTP ${httpStatus} with ${what}, not an STS response`);
}

/** The documented result, or what is wrong with it: a missing or malformed field, named. */
function readSuccess(root: XmlElement): AssumedRole | string {
  const result = child(root, 'AssumeRoleWithSAMLResult');
  const creds = child(result, 'Credentials');
  const user = child(result, 'AssumedRoleUser');
  const secret = (name: CredentialField): string | undefined => textOf(child(creds, name));
  const accessKeyId = secret('AccessKeyId');
  const secretAccessKey = secret('SecretAccessKey');
  const sessionToken = secret('SessionToken');
  const expiration = textOf(child(creds, 'Expiration'));
  const assumedRoleArn = textOf(child(user, 'Arn'));
  // In the documented order, so the first field missing is the one named.
  if (!accessKeyId) return 'result has no Credentials/AccessKeyId';
  if (!secretAccessKey) return 'result has no Credentials/SecretAccessKey';
  if (!sessionToken) return 'result has no Credentials/SessionToken';
  if (!expiration) return 'result has no Credentials/Expiration';
  if (!assumedRoleArn) return 'result has no AssumedRoleUser/Arn';
  const credentialIssue =
    credentialProblem('AccessKeyId', accessKeyId) ??
    credentialProblem('SecretAccessKey', secretAccessKey) ??
    credentialProblem('SessionToken', sessionToken);
  if (credentialIssue) return credentialIssue;
  const facts: [ResultField, string | undefined][] = [
    ['Expiration', expiration],
    ['Arn', assumedRoleArn],
    ['AssumedRoleId', textOf(child(user, 'AssumedRoleId'))],
    ['Subject', textOf(child(result, 'Subject'))],
    ['SubjectType', textOf(child(result, 'SubjectType'))],
    ['Issuer', textOf(child(result, 'Issuer'))],
    ['Audience', textOf(child(result, 'Audience'))],
    ['NameQualifier', textOf(child(result, 'NameQualifier'))],
    ['SourceIdentity', textOf(child(result, 'SourceIdentity'))],
    ['PackedPolicySize', textOf(child(result, 'PackedPolicySize'))],
    ['RequestId', textOf(child(child(root, 'ResponseMetadata'), 'RequestId'))],
  ];
  for (const [field, value] of facts) {
    const problem = value === undefined ? undefined : resultFieldProblem(field, value);
    if (problem) return problem;
  }
  const fact = (field: ResultField) => facts.find(([name]) => name === field)?.[1];
  const packed = fact('PackedPolicySize');
  return {
    ok: true,
    credentials: { accessKeyId, secretAccessKey, sessionToken, expiration },
    assumedRoleArn,
    ...optional('assumedRoleId', fact('AssumedRoleId')),
    ...optional('subject', fact('Subject')),
    ...optional('subjectType', fact('SubjectType')),
    ...optional('issuer', fact('Issuer')),
    ...optional('audience', fact('Audience')),
    ...optional('nameQualifier', fact('NameQualifier')),
    ...optional('sourceIdentity', fact('SourceIdentity')),
    ...(packed !== undefined ? { packedPolicySize: Number(packed) } : {}),
    ...optional('requestId', fact('RequestId')),
  };
}

/** AWS's message as one safe line: controls escaped, cut when far longer than any AWS writes. */
function readableMessage(message: string): string {
  const cut =
    message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}...` : message;
  return escapeUnshowable(cut);
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

/** STS's values are trimmed, and an empty element is as good as none. */
function textOf(element: XmlElement | undefined): string | undefined {
  return elementText(element)?.trim() || undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function describeNonXml(body: string): string {
  const text = body.trim();
  if (text === '') return 'an empty body';
  const first = escapeUnshowable(text.slice(0, 60).replace(/[ \t\r\n]+/g, ' '));
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
