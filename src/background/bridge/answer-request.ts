import {
  BRIDGE_PROTOCOL_VERSION as v,
  readBridgeRequest,
  type BridgeRequest,
  type BridgeResponse,
} from '../../core/bridge.ts';
import { bridgeError } from './bridge-error.ts';
import type { BridgeDeps } from './deps.ts';
import { rolesOf } from './find-capture.ts';
import { credentialsForRole, type CredentialsAnswer } from './role-credentials.ts';
import { singleFlight } from './single-flight.ts';

/** The id an answer carries when the request had none the reader could accept. */
export const UNKNOWN_REQUEST_ID = 'unknown';

/**
 * Answers each message the native host relays, never throwing: a message the reader refuses gets
 * `bad-request` with its problem. Concurrent requests for the same role share one answer.
 */
export function bridgeRequestHandler(deps: BridgeDeps): (raw: unknown) => Promise<BridgeResponse> {
  const shared = singleFlight<CredentialsAnswer>();
  const answer = async (request: BridgeRequest): Promise<BridgeResponse> => {
    const { id } = request;
    if (request.type === 'status') {
      const roleArns = new Set((await deps.captures.summaries()).flatMap(rolesOf));
      return {
        v,
        id,
        ok: true,
        type: 'status',
        status: { extensionVersion: deps.extensionVersion, roleArns: [...roleArns] },
      };
    }
    const { roleArn, region, durationSeconds } = request;
    const key = JSON.stringify([roleArn, region ?? '', durationSeconds ?? 0]);
    const result = await shared(key, () =>
      credentialsForRole(
        {
          roleArn,
          ...(region ? { region } : {}),
          ...(durationSeconds !== undefined ? { durationSeconds } : {}),
        },
        deps,
      ),
    );
    return result.ok
      ? { v, id, ok: true, type: 'credentials', credentials: result.credentials }
      : { v, id, ok: false, error: result.error };
  };
  return async (raw) => {
    const parsed = readBridgeRequest(raw);
    if (!parsed.ok)
      return {
        v,
        id: parsed.id ?? UNKNOWN_REQUEST_ID,
        ok: false,
        error: bridgeError('bad-request', parsed.problem),
      };
    try {
      return await answer(parsed.value);
    } catch (error) {
      // Storage failing under the worker: no protocol code fits better, and the message says it.
      const reason = error instanceof Error ? error.message : String(error);
      return {
        v,
        id: parsed.value.id,
        ok: false,
        error: bridgeError('no-capture', `the extension could not read its captures: ${reason}`),
      };
    }
  };
}
