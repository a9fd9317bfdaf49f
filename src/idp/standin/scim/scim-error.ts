import { STAND_IN_NAME, type StandInResponse } from '../types.ts';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12's scimType values the stand-in uses. */
export type ScimType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidValue'
  | 'invalidPath'
  | 'noTarget'
  | 'mutability'
  | 'uniqueness'
  | 'tooMany';

/**
 * A refused SCIM request. `detail` says what was wrong and where, as Identity Center's
 * ValidationException does, so a client can show it to a person.
 */
export class ScimError extends Error {
  override readonly name = 'ScimError';
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');

export function jsonResponse(status: number, body: unknown): StandInResponse {
  return {
    status,
    headers: {
      'content-type': 'application/scim+json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-stand-in': STAND_IN_NAME,
    },
    body: JSON.stringify(body),
  };
}

/** RFC 7644 §3.12's error body (status as a string, as the RFC's examples write it). */
export function scimErrorResponse(error: ScimError): StandInResponse {
  return jsonResponse(error.status, {
    schemas: [ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.detail,
  });
}
