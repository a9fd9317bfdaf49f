import { ScimSyncError } from './errors.ts';
import type { ScimResource } from './schemas.ts';

/** A ListResponse's resources, each an object with a string id; anything else is a clear error. */
export function listedResources(body: unknown, what: string): ScimResource[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ScimSyncError(`${what}: the answer is not a SCIM ListResponse`);
  const resources = (body as { Resources?: unknown }).Resources;
  if (resources === undefined) return [];
  if (!Array.isArray(resources))
    throw new ScimSyncError(`${what}: the ListResponse's Resources is not a list`);
  return resources.map((resource, i) => {
    if (
      typeof resource !== 'object' ||
      resource === null ||
      typeof (resource as { id?: unknown }).id !== 'string'
    )
      throw new ScimSyncError(`${what}: Resources[${i}] has no string id`);
    return resource as ScimResource;
  });
}

/** The id of a resource the server created (its answer to a POST). */
export function createdId(body: unknown, what: string): string {
  const id = (body as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || id === '')
    throw new ScimSyncError(`${what}: the server's answer has no id for the new resource`);
  return id;
}
