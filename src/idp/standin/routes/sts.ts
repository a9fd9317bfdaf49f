import { assessSamlResponse, MAX_SAML_RESPONSE_LENGTH } from '../assess.ts';
import { admitRole } from '../judge/admit-role.ts';
import { isStandInPartition, stsHostPartition } from '../judge/aws-endpoints.ts';
import { STS_LIMITS } from '../judge/session-attributes.ts';
import { nameQualifier } from '../../../core/policy.ts';
import { reachedUrl } from '../recipient.ts';
import { assumeRoleWithSamlResponse, stsError } from '../sts-xml.ts';
import type { StandInContext, StandInRequest, StandInResponse, StandInRoute } from '../types.ts';
import { assumedRoleArn } from './saml.ts';

const DEFAULT_DURATION_SECONDS = 3600;
const NAME_ID_FORMAT_PREFIX = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';

function params(request: StandInRequest): URLSearchParams {
  return request.method === 'POST' ? new URLSearchParams(request.body) : request.query;
}

const required = (name: string) =>
  stsError(
    'ValidationError',
    `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
  );

/**
 * SubjectType as STS returns it: the format with the SAML 2.0 nameid-format prefix removed
 * (`persistent`, `transient`), any other format as sent. A NameID without a Format has SAML's
 * default, 1.1 unspecified (SAML core 8.3.1), which has another prefix and so stays whole.
 */
export function subjectType(format: string | undefined): string {
  if (format === undefined) return 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
  return format.startsWith(NAME_ID_FORMAT_PREFIX)
    ? format.slice(NAME_ID_FORMAT_PREFIX.length)
    : format;
}

/** STS AssumeRoleWithSAML (query API), with the documented result and error shapes. */
function assumeRoleWithSaml(request: StandInRequest, context: StandInContext): StandInResponse {
  const p = params(request);
  const roleArn = p.get('RoleArn');
  const principalArn = p.get('PrincipalArn');
  const assertion = p.get('SAMLAssertion');
  if (!roleArn) return required('roleArn');
  if (!principalArn) return required('principalArn');
  if (!assertion) return required('sAMLAssertion');
  if (assertion.length > MAX_SAML_RESPONSE_LENGTH)
    return stsError(
      'ValidationError',
      `1 validation error detected: Value at 'sAMLAssertion' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SAML_RESPONSE_LENGTH}`,
    );
  const durationText = p.get('DurationSeconds') ?? String(DEFAULT_DURATION_SECONDS);
  const duration = /^\d{1,9}$/.test(durationText) ? Number(durationText) : NaN;
  if (Number.isNaN(duration))
    return stsError(
      'ValidationError',
      `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`,
    );
  if (duration < STS_LIMITS.minDuration) {
    return stsError(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${STS_LIMITS.minDuration}`,
    );
  }
  if (duration > STS_LIMITS.maxDuration) {
    return stsError(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${STS_LIMITS.maxDuration}`,
    );
  }
  // The role's partition decides the sign-in endpoint and audience; the host when the ARN names none.
  const arnPartition = /^arn:([a-z-]+):/.exec(roleArn)?.[1] ?? '';
  const partition = isStandInPartition(arnPartition)
    ? arnPartition
    : (stsHostPartition(request.host) ?? 'aws');
  const now = context.now();
  const result = assessSamlResponse(assertion, {
    trusted: context.trusted,
    now,
    arrival: {
      kind: 'sts',
      partition,
      ownSigninUrl: reachedUrl(request.scheme, request.host, '/saml'),
    },
  });
  if (!result.ok) return stsError(result.code, result.reason);
  const admitted = admitRole(
    result,
    { roleArn, principalArn, durationSeconds: duration },
    context.roles,
    context.judgeTrust,
  );
  if ('code' in admitted) return stsError(admitted.code, admitted.message);
  const { role } = admitted;
  const { saml, idp, session } = result;
  return assumeRoleWithSamlResponse({
    roleArn,
    assumedRoleArn: assumedRoleArn(role, session.sessionName),
    sessionName: session.sessionName,
    expiration: new Date(now + duration * 1000),
    subject: saml.nameId?.value ?? '',
    subjectType: subjectType(saml.nameId?.format),
    // The Issuer element of the assertion, as sent (verify.ts checked it names the trusted IdP).
    issuer: saml.issuer?.trim() ?? idp.entityId,
    // STS documents Audience as the Recipient of SubjectConfirmationData.
    audience: saml.recipient ?? '',
    nameQualifier: nameQualifier(idp.entityId, role.accountId, role.providerName),
    ...(session.sourceIdentity !== undefined ? { sourceIdentity: session.sourceIdentity } : {}),
  });
}

function isAction(request: StandInRequest): boolean {
  return params(request).has('Action');
}

function dispatchAction(request: StandInRequest, context: StandInContext): StandInResponse {
  const action = params(request).get('Action');
  if (action === 'AssumeRoleWithSAML') return assumeRoleWithSaml(request, context);
  return stsError(
    'InvalidAction',
    `Could not find operation ${action ?? ''} for version ${params(request).get('Version') ?? '2011-06-15'}`,
  );
}

export const stsRoutes: StandInRoute[] = [
  { method: 'POST', path: /^\/$/, accepts: isAction, handle: dispatchAction },
  { method: 'GET', path: /^\/$/, accepts: isAction, handle: dispatchAction },
];
