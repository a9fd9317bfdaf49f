// /scim/v2: Identity Center's SCIM endpoints, behind its bearer token.
import type { StandInRequest, StandInResponse, StandInRoute } from '../types.ts';
import { bearerMatches } from './bearer-token.ts';
import { resourceTypes, schemas, serviceProviderConfig } from './discovery.ts';
import { createGroup, listGroups, patchGroupRequest } from './group-requests.ts';
import { LIST_SCHEMA } from './list-response.ts';
import { jsonResponse, ScimError, scimErrorResponse } from './scim-error.ts';
import { groupResource } from './scim-resources.ts';
import type { ScimStore } from './scim-store.ts';
import { createUser, listUsers, patchUser, putUser } from './user-requests.ts';
import { userResource } from './scim-resources.ts';

export const SCIM_PREFIX = '/scim/v2';
/** The largest SCIM request body read: a user, or a group with 100 members, is a few KB. */
export const SCIM_MAX_BODY_BYTES = 64 * 1024;

export interface ScimService {
  store: ScimStore;
  token: string;
}

const LIMITATIONS = 'IAM Identity Center developer guide, "Limitations from SCIM specification"';
const UNSUPPORTED_ENDPOINTS = new Set(['bulk', 'me', '.search']);

function readJson(body: string): unknown {
  if (Buffer.byteLength(body, 'utf8') > SCIM_MAX_BODY_BYTES)
    throw new ScimError(413, `the request body is larger than ${SCIM_MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new ScimError(
      400,
      `the request body is not JSON: ${(error as Error).message}`,
      'invalidSyntax',
    );
  }
}

const notAllowed = (method: string, path: string) =>
  new ScimError(405, `${method} is not supported on ${path}`);

function list(resources: unknown[]) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  };
}

function byId(resources: { id: string }[], id: string, kind: string) {
  const found = resources.find((resource) => resource.id === id);
  if (!found) throw new ScimError(404, `no ${kind} "${id}"`);
  return jsonResponse(200, found);
}

function route(request: StandInRequest, service: ScimService): StandInResponse {
  const { store } = service;
  const base = `${request.scheme}://${request.host}${SCIM_PREFIX}`;
  // A trailing slash (`/Users/`) names the same endpoint.
  const [collection = '', id, ...extra] = request.path
    .slice(SCIM_PREFIX.length + 1)
    .replace(/\/$/, '')
    .split('/');
  const name = collection.toLowerCase();
  const method = request.method;
  if (UNSUPPORTED_ENDPOINTS.has(name) || id?.toLowerCase() === '.search')
    throw new ScimError(
      404,
      `/${collection}${id ? `/${id}` : ''} is not supported by IAM Identity Center (${LIMITATIONS})`,
    );
  if (extra.length > 0 || id === '') throw new ScimError(404, `nothing at ${request.path}`);
  const body = () => readJson(request.body);
  switch (name) {
    case 'users':
      if (id === undefined) {
        if (method === 'GET') return listUsers(store, request.query, base);
        if (method === 'POST') return createUser(store, body(), base);
        throw notAllowed(method, '/Users');
      }
      if (method === 'GET') return jsonResponse(200, userResource(store.getUser(id), base));
      if (method === 'PUT') return putUser(store, id, body(), base);
      if (method === 'PATCH') return patchUser(store, id, body(), base);
      if (method === 'DELETE') {
        store.deleteUser(id);
        return { status: 204, headers: { 'cache-control': 'no-store' }, body: '' };
      }
      throw notAllowed(method, '/Users/{id}');
    case 'groups':
      if (id === undefined) {
        if (method === 'GET') return listGroups(store, request.query, base);
        if (method === 'POST') return createGroup(store, body(), base);
        throw notAllowed(method, '/Groups');
      }
      if (method === 'GET') return jsonResponse(200, groupResource(store.getGroup(id), base));
      if (method === 'PATCH') return patchGroupRequest(store, id, body());
      if (method === 'DELETE') {
        store.deleteGroup(id);
        return { status: 204, headers: { 'cache-control': 'no-store' }, body: '' };
      }
      if (method === 'PUT')
        throw new ScimError(
          400,
          'PUT on a group is not supported by IAM Identity Center: change it with PATCH (developer guide, "Supported API operations")',
        );
      throw notAllowed(method, '/Groups/{id}');
    case 'serviceproviderconfig':
      if (method !== 'GET' || id !== undefined) throw notAllowed(method, request.path);
      return jsonResponse(200, serviceProviderConfig(base));
    case 'schemas':
      if (method !== 'GET') throw notAllowed(method, '/Schemas');
      return id === undefined
        ? jsonResponse(200, list(schemas(base)))
        : byId(schemas(base), id, 'schema');
    case 'resourcetypes':
      if (method !== 'GET') throw notAllowed(method, '/ResourceTypes');
      return id === undefined
        ? jsonResponse(200, list(resourceTypes(base)))
        : byId(resourceTypes(base), id, 'resource type');
    default:
      throw new ScimError(404, `nothing at ${request.path}`);
  }
}

/** Every /scim/v2 request: the token first (401 before anything is read), then the endpoint. */
export function handleScim(request: StandInRequest, service: ScimService): StandInResponse {
  if (!bearerMatches(request.authorization, service.token)) {
    const answer = scimErrorResponse(
      new ScimError(401, 'the Authorization header must carry the SCIM bearer token'),
    );
    answer.headers['www-authenticate'] = 'Bearer';
    return answer;
  }
  try {
    return route(request, service);
  } catch (error) {
    if (error instanceof ScimError) return scimErrorResponse(error);
    throw error;
  }
}

const SCIM_PATH = /^\/scim\/v2(?:\/|$)/i;

export function scimRoutes(service: ScimService): StandInRoute[] {
  return (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method) => ({
    method,
    path: SCIM_PATH,
    handle: (request) => handleScim(request, service),
  }));
}
