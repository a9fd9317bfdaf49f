/** Temporary credentials as STS returns them. `expiration` is ISO 8601 UTC, as sent. */
export interface StsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: string;
}

/** Why STS (or the way to it) refused, with what it means and what to do, for people. */
export interface StsError {
  /** AWS's error code, or `NetworkError` / `UnexpectedResponse` for failures before STS spoke. */
  code: string;
  /** AWS's own message (or the network failure's), unchanged. */
  message: string;
  meaning: string;
  action: string;
  /** Set when retrying with this DurationSeconds is likely to succeed. */
  retryDurationSeconds?: number;
  /** The HTTP status, when an answer arrived. */
  httpStatus?: number;
  requestId?: string;
}

/** A successful AssumeRoleWithSAML, with the facts of the result AWS documents. */
export interface AssumedRole {
  ok: true;
  credentials: StsCredentials;
  /** `arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION`. */
  assumedRoleArn: string;
  assumedRoleId?: string;
  subject?: string;
  subjectType?: string;
  issuer?: string;
  audience?: string;
  nameQualifier?: string;
  sourceIdentity?: string;
  packedPolicySize?: number;
  requestId?: string;
}

export type AssumeRoleResult = AssumedRole | { ok: false; error: StsError };

/** What a request needs to go over the wire; built purely so it can be tested byte for byte. */
export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/**
 * The part of `fetch` the core uses. The core has no platform APIs: the CLI hands in Node's
 * fetch, the extension the browser's, tests a fake.
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;
