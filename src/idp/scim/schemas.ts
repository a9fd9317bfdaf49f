/** The URNs of RFC 7643's core resources and RFC 7644's messages the client sends and reads. */
export const SCIM_SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const;

/** A resource as JSON: what the client sends, and what it reads back (`id` set by the server). */
export type ScimResource = Record<string, unknown>;

/** A user this IdP wants on the server: its resource, keyed by userName and externalId. */
export interface DesiredUser {
  username: string;
  userName: string;
  externalId: string;
  resource: ScimResource;
}

/** A group this IdP wants on the server, with the userNames of its wanted members. */
export interface DesiredGroup {
  displayName: string;
  externalId: string;
  memberUserNames: string[];
}
