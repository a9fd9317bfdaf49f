// An independent SCIM 2.0 server for the client's tests, built on scimmy (RFC 7643/7644 resource
// handling: schema checks, filters, paging, PatchOp), so the client is not judged only by the
// project's own stand-in. scimmy leaves storage and HTTP to its user: a Map and node:http here.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import SCIMMY from 'scimmy';

export interface LoggedRequest {
  method: string;
  path: string;
  authorization: string;
  body: unknown;
}

export interface ScimmyServer {
  /** The SCIM base URL (`http://127.0.0.1:PORT/scim/v2`). */
  url: string;
  token: string;
  log: LoggedRequest[];
  users: Map<string, Record<string, unknown>>;
  groups: Map<string, Record<string, unknown>>;
  /** Writes (POST, PUT, PATCH, DELETE) since the last call. */
  takeWrites(): LoggedRequest[];
  close(): Promise<void>;
}

export interface ScimmyServerOptions {
  /** Refuse a user as Identity Center does when it carries photos (a 400 with a SCIM detail). */
  refusePhotos?: boolean;
}

type Stored = Record<string, unknown>;

let declared = false;
let current:
  | { users: Map<string, Stored>; groups: Map<string, Stored>; options: ScimmyServerOptions }
  | undefined;

// scimmy is one registry per process: resources are declared once and read the current store.
function declareResources(): void {
  if (declared) return;
  declared = true;
  let next = 0;
  const store = (kind: 'users' | 'groups') => current![kind];
  const handlers = (kind: 'users' | 'groups') => ({
    ingress: (resource: { id?: string }, instance: unknown) => {
      const data = JSON.parse(JSON.stringify(instance)) as Stored;
      if (kind === 'users' && current!.options.refusePhotos && data.photos !== undefined)
        throw new SCIMMY.Types.Error(
          400,
          'invalidValue',
          'Request is unparsable: attribute photos is not supported',
        );
      for (const [id, other] of store(kind)) {
        const key = kind === 'users' ? 'userName' : 'displayName';
        if (id !== resource.id && other[key] === data[key])
          throw new SCIMMY.Types.Error(409, 'uniqueness', `${key} ${String(data[key])} is taken`);
      }
      const id = resource.id ?? `${kind === 'users' ? 'u' : 'g'}${++next}`;
      const record = { ...data, id };
      store(kind).set(id, record);
      return record;
    },
    egress: (resource: { id?: string; filter?: { match(values: unknown[]): unknown[] } }) => {
      if (resource.id !== undefined) {
        const found = store(kind).get(resource.id);
        if (!found) throw new SCIMMY.Types.Error(404, '', `no resource ${resource.id}`);
        return found;
      }
      const all = [...store(kind).values()];
      return resource.filter ? resource.filter.match(all) : all;
    },
    degress: (resource: { id?: string }) => void store(kind).delete(resource.id!),
  });
  const users = handlers('users');
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress(users.ingress as never)
    .egress(users.egress as never)
    .degress(users.degress as never);
  const groups = handlers('groups');
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(groups.ingress as never)
    .egress(groups.egress as never)
    .degress(groups.degress as never);
}

export async function startScimmyServer(options: ScimmyServerOptions = {}): Promise<ScimmyServer> {
  declareResources();
  const users = new Map<string, Stored>();
  const groups = new Map<string, Stored>();
  const token = 'test-token-Zx9';
  const log: LoggedRequest[] = [];
  let taken = 0;
  const server = createServer((request, response) => {
    void handle(request, response);
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    current = { users, groups, options };
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    log.push({
      method: request.method!,
      path: `${url.pathname}${url.search}`,
      authorization: request.headers.authorization ?? '',
      body,
    });
    const send = (status: number, data?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/scim+json' });
      response.end(data === undefined ? '' : JSON.stringify(data));
    };
    if (request.headers.authorization !== `Bearer ${token}`)
      return send(
        401,
        new SCIMMY.Messages.ErrorResponse(new SCIMMY.Types.Error(401, '', 'bad token')),
      );
    const match = /^\/scim\/v2\/(Users|Groups)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match)
      return send(
        404,
        new SCIMMY.Messages.ErrorResponse(new SCIMMY.Types.Error(404, '', 'no such endpoint')),
      );
    const Resource = match[1] === 'Users' ? SCIMMY.Resources.User : SCIMMY.Resources.Group;
    const id = match[2] ? decodeURIComponent(match[2]) : undefined;
    const query = Object.fromEntries(url.searchParams);
    try {
      const params = {
        ...(query.filter ? { filter: query.filter } : {}),
        ...(query.startIndex ? { startIndex: Number(query.startIndex) } : {}),
        ...(query.count ? { count: Number(query.count) } : {}),
      };
      const resource = new Resource(id, params);
      if (request.method === 'GET') return send(200, await resource.read());
      if (request.method === 'POST') return send(201, await resource.write(body));
      if (request.method === 'PUT') return send(200, await resource.write(body));
      if (request.method === 'PATCH') return send(200, await resource.patch(body as never));
      if (request.method === 'DELETE') return send(204, await resource.dispose());
      return send(405);
    } catch (error) {
      return send(
        (error as { status?: number }).status ?? 500,
        new SCIMMY.Messages.ErrorResponse(error as never),
      );
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/scim/v2`,
    token,
    log,
    users,
    groups,
    takeWrites() {
      const writes = log.slice(taken).filter((r) => r.method !== 'GET');
      taken = log.length;
      return writes;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
