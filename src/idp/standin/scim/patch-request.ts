import { isObject, keyOf } from './attribute-path.ts';
import type { PatchOperation, PatchVerb } from './patch-apply.ts';
import { ScimError } from './scim-error.ts';

export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const MAX_PATCH_OPERATIONS = 100;

/** RFC 7644 §3.5.2's PatchOp message: its schema, and 1-100 operations (op case-insensitive). */
export function readPatchRequest(body: unknown): PatchOperation[] {
  if (!isObject(body))
    throw new ScimError(400, 'the request body must be a JSON object', 'invalidSyntax');
  const schemas = body[keyOf(body, 'schemas') ?? 'schemas'];
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_SCHEMA))
    throw new ScimError(400, `schemas must list "${PATCH_SCHEMA}"`, 'invalidSyntax');
  const operations = body[keyOf(body, 'Operations') ?? 'Operations'];
  if (!Array.isArray(operations) || operations.length === 0)
    throw new ScimError(400, 'Operations must be a non-empty list', 'invalidSyntax');
  if (operations.length > MAX_PATCH_OPERATIONS)
    throw new ScimError(
      400,
      `more than ${MAX_PATCH_OPERATIONS} operations in one request`,
      'tooMany',
    );
  return operations.map((operation, index) => {
    if (!isObject(operation))
      throw new ScimError(400, `Operations[${index}] must be an object`, 'invalidSyntax');
    const op = operation[keyOf(operation, 'op') ?? 'op'];
    const verb = typeof op === 'string' ? op.toLowerCase() : '';
    if (verb !== 'add' && verb !== 'replace' && verb !== 'remove')
      throw new ScimError(
        400,
        `Operations[${index}].op must be add, replace or remove`,
        'invalidSyntax',
      );
    const path = operation[keyOf(operation, 'path') ?? 'path'];
    if (path !== undefined && typeof path !== 'string')
      throw new ScimError(400, `Operations[${index}].path must be a string`, 'invalidPath');
    const value = operation[keyOf(operation, 'value') ?? 'value'];
    return {
      op: verb as PatchVerb,
      ...(path !== undefined && path !== '' ? { path } : {}),
      ...(value !== undefined ? { value } : {}),
    };
  });
}
