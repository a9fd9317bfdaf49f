import { AWS_LIMITS, classifySamlEndpoint } from '../../../core/inspect.ts';
import { assessSamlResponse } from '../assess.ts';
import { normaliseUrl, reachedUrl } from '../recipient.ts';
import { assumeRoleWithSamlResponse, nameQualifier, stsError } from '../sts-xml.ts';
import type { StandInContext, StandInRequest, StandInResponse, StandInRoute } from '../types.ts';
import { assumedRoleArn } from './saml.ts';

const DEFAULT_MAX_SESSION_DURATION = 3600;
const SUBJECT_TYPES: Record<string, string> = {
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent': 'persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient': 'transient',
};

function params(request: StandInRequest): URLSearchParams {
  return request.method === 'POST' ? new URLSearchParams(request.body) : request.query;
}

const required = (name: string) =>
  stsError(
    'ValidationError',
    `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
  );

/** STS AssumeRoleWithSAML (query API), with the documented result and error shapes. */
function assumeRoleWithSaml(request: StandInRequest, context: StandInContext): StandInResponse {
  const p = params(request);
  const roleArn = p.get('RoleArn');
  const principalArn = p.get('PrincipalArn');
  const assertion = p.get('SAMLAssertion');
  if (!roleArn) return required('roleArn');
  if (!principalArn) return required('principalArn');
  if (!assertion) return required('sAMLAssertion');
  const durationText = p.get('DurationSeconds') ?? String(DEFAULT_MAX_SESSION_DURATION);
  const duration = /^\d{1,9}$/.test(durationText) ? Number(durationText) : NaN;
  if (Number.isNaN(duration))
    return stsError(
      'ValidationError',
      `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`,
    );
  if (duration < AWS_LIMITS.minSessionDuration) {
    return stsError(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${AWS_LIMITS.minSessionDuration}`,
    );
  }
  if (duration > AWS_LIMITS.maxSessionDuration) {
    return stsError(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${AWS_LIMITS.maxSessionDuration}`,
    );
  }
  const ownSaml = reachedUrl(request.scheme, request.host, '/saml');
  const now = new Date(context.now());
  const result = assessSamlResponse(assertion, {
    trusted: context.trusted,
    now,
    acceptRecipient: (url) =>
      classifySamlEndpoint(url)?.kind === 'iam' || normaliseUrl(url) === ownSaml,
    recipientHint: 'an AWS sign-in SAML endpoint',
  });
  if (!result.ok) return stsError(result.code, result.reason);
  const role = result.aws.roles.find(
    (r) => r.roleArn === roleArn && r.providerArn === principalArn,
  );
  if (!role) {
    return stsError(
      'AccessDenied',
      `Not authorized to perform sts:AssumeRoleWithSAML: the SAML assertion has no Role value pairing ${roleArn} with ${principalArn}`,
    );
  }
  if (duration > (context.maxSessionDuration[roleArn] ?? DEFAULT_MAX_SESSION_DURATION)) {
    return stsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  const sessionName = result.aws.sessionName ?? '';
  const format = result.saml.nameId?.format ?? '';
  return assumeRoleWithSamlResponse({
    roleArn,
    assumedRoleArn: assumedRoleArn(role, sessionName),
    sessionName,
    expiration: new Date(now.getTime() + duration * 1000),
    subject: result.saml.nameId?.value ?? '',
    subjectType: SUBJECT_TYPES[format] ?? format,
    issuer: result.idp.entityId,
    audience: result.saml.recipient ?? '',
    nameQualifier: nameQualifier(result.idp.entityId, role.accountId, role.providerName),
    ...(result.aws.sourceIdentity !== undefined
      ? { sourceIdentity: result.aws.sourceIdentity }
      : {}),
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
