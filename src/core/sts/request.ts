import { parseDurationSeconds } from './duration.ts';
import { StsParameterError } from './errors.ts';
import { encodeForm } from './form.ts';
import type { HttpRequest } from './types.ts';

export const STS_API_VERSION = '2011-06-15';

export interface AssumeRoleWithSamlParams {
  roleArn: string;
  principalArn: string;
  /** The base64 SAMLResponse, exactly as the IdP posted it. */
  samlAssertion: string;
  /** 900..43200; left out of the request when not set, so STS uses its default. */
  durationSeconds?: number;
  /** The STS URL, from stsEndpointFor. */
  endpoint: string;
}

/** The documented query-API request: POST, form-encoded, fields in the order AWS lists them. */
export function buildAssumeRoleWithSamlRequest(params: AssumeRoleWithSamlParams): HttpRequest {
  for (const name of ['roleArn', 'principalArn', 'samlAssertion', 'endpoint'] as const) {
    if (!params[name]?.trim())
      throw new StsParameterError('parameter-missing', `AssumeRoleWithSAML needs a ${name}`);
  }
  const duration =
    params.durationSeconds === undefined ? undefined : parseDurationSeconds(params.durationSeconds);
  const body = encodeForm([
    ['Action', 'AssumeRoleWithSAML'],
    ['Version', STS_API_VERSION],
    ['RoleArn', params.roleArn],
    ['PrincipalArn', params.principalArn],
    ['SAMLAssertion', params.samlAssertion.replace(/\s+/g, '')],
    ['DurationSeconds', duration === undefined ? undefined : String(duration)],
  ]);
  return {
    url: params.endpoint,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      accept: 'text/xml',
    },
    body,
  };
}
