// ListUsers / ListGroups paging as the developer guide documents it: count 1-100 (100 when not
// given); startIndex is not supported (the first page is always answered, startIndex 1); a
// `cursor` parameter switches to cursor paging (itemsPerPage and nextCursor).
import { ScimError } from './scim-error.ts';

export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const MAX_PAGE = 100;

const GUIDE = 'IAM Identity Center developer guide, ListUsers and ListGroups';

function readCount(query: URLSearchParams): number {
  const text = query.get('count');
  if (text === null) return MAX_PAGE;
  const count = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(count >= 1 && count <= MAX_PAGE))
    throw new ScimError(
      400,
      `count "${text}" must be a whole number from 1 to ${MAX_PAGE} (${GUIDE})`,
      'invalidValue',
    );
  return count;
}

/** A cursor is the position of the next result, opaque to clients (base64url, the guide's pattern). */
function readCursor(text: string): number {
  if (text === '') return 0;
  const decoded = /^[-A-Za-z0-9_]{1,16}$/.test(text)
    ? Buffer.from(text, 'base64url').toString('utf8')
    : '';
  const position = /^\d{1,9}$/.test(decoded) ? Number(decoded) : NaN;
  if (!Number.isSafeInteger(position))
    throw new ScimError(
      400,
      `cursor "${text.slice(0, 40)}" is not one this server gave`,
      'invalidValue',
    );
  return position;
}

export function listResponse(
  matching: readonly unknown[],
  query: URLSearchParams,
): Record<string, unknown> {
  const count = readCount(query);
  const cursorText = query.get('cursor');
  if (cursorText === null) {
    const page = matching.slice(0, count);
    return {
      totalResults: matching.length,
      itemsPerPage: page.length,
      startIndex: 1,
      schemas: [LIST_SCHEMA],
      Resources: page,
    };
  }
  const start = readCursor(cursorText);
  const page = matching.slice(start, start + count);
  const next = start + page.length;
  return {
    itemsPerPage: page.length,
    ...(next < matching.length
      ? { nextCursor: Buffer.from(String(next)).toString('base64url') }
      : {}),
    schemas: [LIST_SCHEMA],
    Resources: page,
  };
}
