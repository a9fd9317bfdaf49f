// A SCIM client for the stand-in's handler (no sockets): requests as RFC 7644 writes them.
import { createStandInHandler } from '../../src/idp/standin/handler.ts';
import {
  ScimStore,
  type ScimStoreLimits,
  DEFAULT_SCIM_LIMITS,
} from '../../src/idp/standin/scim/scim-store.ts';
import type { StandInRequest } from '../../src/idp/standin/types.ts';

export const TOKEN = 'h480djs93hd8';
export const NOW = Date.parse('2026-01-01T00:10:00Z');
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export interface ScimAnswer {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined for an empty one. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  body: string;
}

export interface ScimTestServer {
  store: ScimStore;
  handle: (request: StandInRequest) => ReturnType<ReturnType<typeof createStandInHandler>>;
  send(
    method: string,
    path: string,
    body?: unknown,
    options?: { token?: string | null; raw?: string },
  ): ScimAnswer;
}

/** A stand-in with SCIM on; ids come from `ids` in order (e.g. the RFC's), then generated ones. */
export function scimServer(
  options: { ids?: string[]; limits?: Partial<ScimStoreLimits>; metadata?: string[] } = {},
): ScimTestServer {
  const ids = [...(options.ids ?? [])];
  let made = 0;
  const store = new ScimStore(
    () => NOW,
    { ...DEFAULT_SCIM_LIMITS, ...options.limits },
    () => ids.shift() ?? `generated-${++made}`,
  );
  const handle = createStandInHandler({
    scim: { store, token: TOKEN },
    now: () => NOW,
    trustedIdpMetadata: options.metadata ?? [],
  });
  return {
    store,
    handle,
    send(method, path, body, sendOptions = {}) {
      const url = new URL(path, 'https://example.com');
      const token = sendOptions.token === undefined ? TOKEN : sendOptions.token;
      const answer = handle({
        method,
        path: url.pathname,
        query: url.searchParams,
        host: 'example.com',
        scheme: 'https',
        body: sendOptions.raw ?? (body === undefined ? '' : JSON.stringify(body)),
        ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      });
      return {
        status: answer.status,
        headers: answer.headers,
        body: answer.body,
        json: answer.body
          ? answer.headers['content-type']?.includes('json')
            ? JSON.parse(answer.body)
            : undefined
          : undefined,
      };
    },
  };
}

/** The RFC 7644 §3.3 user with what Identity Center also requires (displayName, one primary email). */
export function awsUser(
  userName: string,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: 'Barbara', familyName: 'Jensen' },
    displayName: 'Babs Jensen',
    emails: [{ value: `${userName}@example.com`, type: 'work', primary: true }],
    ...more,
  };
}
