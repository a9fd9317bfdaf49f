import { visibleText } from '../../core/inspect.ts';
import { adviceFor } from './advice.ts';
import type { ScimRequest } from './requests.ts';

/** A SCIM sync problem meant for the operator as one line: the token, the URL, the answer. */
export class ScimSyncError extends Error {
  override readonly name = 'ScimSyncError';
}

/** The longest server `detail` repeated: enough for any real message, bounded for a hostile one. */
const MAX_DETAIL = 500;

/**
 * The server refused a request: its status, the SCIM `detail` (escaped: it is the server's text)
 * and, for the refusals Identity Center is known for, what to change.
 */
export class ScimServerError extends ScimSyncError {
  readonly status: number;
  readonly detail: string;
  readonly advice: string | undefined;

  constructor(request: ScimRequest, status: number, scimType: string, detail: string) {
    const bounded = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail;
    const shown = visibleText(bounded);
    const advice = adviceFor(status, `${scimType.slice(0, 60)} ${bounded}`);
    super(
      `${request.method} ${pathOnly(request.path)} was refused (${status}${scimType ? ` ${visibleText(scimType.slice(0, 60))}` : ''}): ${shown || 'no detail given'}${advice ? `\n  → ${advice}` : ''}`,
    );
    this.status = status;
    this.detail = shown;
    this.advice = advice;
  }
}

// Filters carry user names; the error names the endpoint, the request line says the rest.
function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}
