import type { StsCredentials } from '../sts/types.ts';

/**
 * The messages between the extension and `saml-roles credential-process`, relayed by the native
 * messaging host (`saml-roles bridge host`). One definition for both ends, so neither guesses
 * what the other sent. Every message is a JSON object with an `id` the answer repeats.
 */

/** Chrome allows lowercase letters, digits, `_` and `.` in a native host's name; Firefox the same. */
export const BRIDGE_HOST_NAME = 'saml_roles.bridge';

/** Bumped when a message changes shape; each end refuses a version it does not know. */
export const BRIDGE_PROTOCOL_VERSION = 1;

/**
 * Chrome caps a message from a native host to the browser at 1 MB; a request is a few hundred
 * bytes, so anything near that is not ours.
 */
export const BRIDGE_MAX_MESSAGE_BYTES = 1024 * 1024;

export type BridgeRequest =
  | {
      v: typeof BRIDGE_PROTOCOL_VERSION;
      id: string;
      type: 'credentials';
      roleArn: string;
      durationSeconds?: number;
      region?: string;
    }
  | { v: typeof BRIDGE_PROTOCOL_VERSION; id: string; type: 'status' };

/** Why the extension could not answer. The CLI maps each to its own exit code. */
export const BRIDGE_ERROR_CODES = [
  /** The user has not turned the bridge on in the options (or turned it off). */
  'bridge-off',
  /** No capture in this browser session holds the role, and none can be fetched. */
  'no-capture',
  /** The IdP showed a login page instead of an assertion: only the user can go on. */
  'idp-needs-user',
  /** STS refused AssumeRoleWithSAML; `message` says why and what to do. */
  'sts-refused',
  /** The request was not one this protocol knows. */
  'bad-request',
  /** Sent by the host, never the extension: the extension did not answer in time. */
  'timeout',
  /** Sent by the host, never the extension: too many requests are waiting already. */
  'host-busy',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
  /** Where the user must sign in again, for `idp-needs-user`. */
  signInUrl?: string;
}

export interface BridgeStatus {
  extensionVersion: string;
  /** Roles the captures of this browser session hold, for `bridge status` and `configure`. */
  roleArns: string[];
}

export type BridgeResponse =
  | {
      v: typeof BRIDGE_PROTOCOL_VERSION;
      id: string;
      ok: true;
      type: 'credentials';
      credentials: StsCredentials;
    }
  | {
      v: typeof BRIDGE_PROTOCOL_VERSION;
      id: string;
      ok: true;
      type: 'status';
      status: BridgeStatus;
    }
  | { v: typeof BRIDGE_PROTOCOL_VERSION; id: string; ok: false; error: BridgeError };

/** What a reader got: the message, or what was wrong with it (never an exception). */
export type BridgeParse<T> = { ok: true; value: T } | { ok: false; problem: string; id?: string };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_FIELD_LENGTH = 2048;

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD_LENGTH;
}

/** The envelope both directions share: version and id, checked before anything else. */
function readEnvelope(message: unknown): BridgeParse<{ fields: Fields; id: string }> {
  if (!isObject(message)) return { ok: false, problem: 'the message is not a JSON object' };
  const { id, v } = message;
  if (typeof id !== 'string' || !ID_PATTERN.test(id))
    return { ok: false, problem: '"id" must be 1 to 64 letters, digits, "_" or "-"' };
  if (v !== BRIDGE_PROTOCOL_VERSION)
    return {
      ok: false,
      id,
      problem: `protocol version ${JSON.stringify(v)} is not ${BRIDGE_PROTOCOL_VERSION}: update saml-roles and the extension together`,
    };
  return { ok: true, value: { fields: message, id } };
}

function optionalInteger(
  fields: Fields,
  name: string,
  min: number,
  max: number,
): string | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    return `"${name}" must be a whole number from ${min} to ${max}`;
  return undefined;
}

/** Reads a request as the extension receives it from the host. */
export function readBridgeRequest(message: unknown): BridgeParse<BridgeRequest> {
  const envelope = readEnvelope(message);
  if (!envelope.ok) return envelope;
  const { fields, id } = envelope.value;
  const fail = (problem: string): BridgeParse<BridgeRequest> => ({ ok: false, id, problem });
  if (fields.type === 'status')
    return { ok: true, value: { v: BRIDGE_PROTOCOL_VERSION, id, type: 'status' } };
  if (fields.type !== 'credentials')
    return fail(`unknown request type ${JSON.stringify(fields.type)}`);
  if (!shortString(fields.roleArn)) return fail('"roleArn" must be a role ARN');
  // AWS's own bounds for AssumeRoleWithSAML's DurationSeconds.
  const durationProblem = optionalInteger(fields, 'durationSeconds', 900, 43200);
  if (durationProblem) return fail(durationProblem);
  if (fields.region !== undefined && !shortString(fields.region))
    return fail('"region" must be a region name');
  return {
    ok: true,
    value: {
      v: BRIDGE_PROTOCOL_VERSION,
      id,
      type: 'credentials',
      roleArn: fields.roleArn,
      ...(fields.durationSeconds !== undefined && {
        durationSeconds: fields.durationSeconds as number,
      }),
      ...(fields.region !== undefined && { region: fields.region }),
    },
  };
}

function readCredentials(value: unknown): StsCredentials | undefined {
  if (!isObject(value)) return undefined;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = value;
  if (![accessKeyId, secretAccessKey, sessionToken, expiration].every(shortString))
    return undefined;
  if (Number.isNaN(Date.parse(expiration as string))) return undefined;
  return {
    accessKeyId: accessKeyId as string,
    secretAccessKey: secretAccessKey as string,
    sessionToken: sessionToken as string,
    expiration: expiration as string,
  };
}

function readError(value: unknown): BridgeError | undefined {
  if (!isObject(value)) return undefined;
  const { code, message, signInUrl } = value;
  if (!(BRIDGE_ERROR_CODES as readonly unknown[]).includes(code) || !shortString(message))
    return undefined;
  if (signInUrl !== undefined && !shortString(signInUrl)) return undefined;
  return {
    code: code as BridgeErrorCode,
    message,
    ...(signInUrl !== undefined && { signInUrl }),
  };
}

/** Reads an answer as the CLI receives it through the host. */
export function readBridgeResponse(message: unknown): BridgeParse<BridgeResponse> {
  const envelope = readEnvelope(message);
  if (!envelope.ok) return envelope;
  const { fields, id } = envelope.value;
  const v = BRIDGE_PROTOCOL_VERSION;
  const fail = (problem: string): BridgeParse<BridgeResponse> => ({ ok: false, id, problem });
  if (fields.ok === false) {
    const error = readError(fields.error);
    return error
      ? { ok: true, value: { v, id, ok: false, error } }
      : fail('"error" is not a bridge error');
  }
  if (fields.ok !== true) return fail('"ok" must be true or false');
  if (fields.type === 'credentials') {
    const credentials = readCredentials(fields.credentials);
    return credentials
      ? { ok: true, value: { v, id, ok: true, type: 'credentials', credentials } }
      : fail('"credentials" must hold the four STS fields and an ISO 8601 expiration');
  }
  if (fields.type === 'status') {
    const status = fields.status;
    if (
      !isObject(status) ||
      !shortString(status.extensionVersion) ||
      !Array.isArray(status.roleArns) ||
      !status.roleArns.every(shortString)
    )
      return fail('"status" must name the extension version and its role ARNs');
    return {
      ok: true,
      value: {
        v,
        id,
        ok: true,
        type: 'status',
        status: {
          extensionVersion: status.extensionVersion,
          roleArns: status.roleArns as string[],
        },
      },
    };
  }
  return fail(`unknown answer type ${JSON.stringify(fields.type)}`);
}
