import type { Clock } from '../../core/inspect.ts';
import type { JudgeTrust } from './roles/judge-trust.ts';
import type { RoleTable } from './roles/role-table.ts';
import type { ScimStore } from './scim/scim-store.ts';
import type { TrustedIdp } from './trust.ts';

/** A request as the stand-in's routes see it, so tests can call the handler without sockets. */
export interface StandInRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  /** The Host header, lower-cased (e.g. `signin.aws.amazon.com` or `127.0.0.1:8443`). */
  host: string;
  scheme: 'http' | 'https';
  body: string;
  /** The Authorization header, for the SCIM endpoints' bearer token. */
  authorization?: string;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface StandInContext {
  trusted: TrustedIdp[];
  now: Clock;
  /** The roles IAM knows: MaxSessionDuration and trust policy of each. */
  roles: RoleTable;
  judgeTrust: JudgeTrust;
  /** Provisioned users when SCIM is on; Identity Center sign-in then needs one (see saml.ts). */
  scim?: ScimStore;
}

export interface StandInRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: RegExp;
  /** Further condition, e.g. STS's `Action=AssumeRoleWithSAML` on `/`. */
  accepts?(request: StandInRequest): boolean;
  handle(request: StandInRequest, context: StandInContext): StandInResponse;
}

export const STAND_IN_NAME = 'AWS sign-in test stand-in (saml-roles)';

export function htmlResponse(status: number, body: string): StandInResponse {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Its pages run no script and post only to themselves (the role picker to /saml).
      'content-security-policy':
        "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-stand-in': STAND_IN_NAME,
    },
    body,
  };
}

export function xmlResponse(status: number, body: string): StandInResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-stand-in': STAND_IN_NAME }, body };
}
