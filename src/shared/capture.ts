import type { Inspection } from '../core/inspect.ts';

/** What every capture records about where the assertion went and came from. */
interface CaptureBase {
  tabId: number;
  /** Epoch ms when the POST was seen. */
  capturedAt: number;
  /** The AWS endpoint URL the IdP posted to. */
  endpointUrl: string;
  /** Where the POST came from, so an expired assertion can send the user back there. */
  idpUrl?: string;
}

/** A decoded assertion, kept only in storage.session. */
export interface DecodedCapture extends CaptureBase {
  kind: 'decoded';
  inspection: Inspection;
  /** Epoch ms when AWS stops accepting the assertion, when it says. */
  expiresAt?: number;
}

/** A POST whose body the core could not decode: the popup shows the core's message. */
export interface FailedCapture extends CaptureBase {
  kind: 'failed';
  error: { code: string; message: string };
}

/** What is left once an assertion expired: enough to say so, nothing secret. */
export interface ExpiredCapture extends CaptureBase {
  kind: 'expired';
  expiredAt: number;
  issuer?: string;
  sessionName?: string;
  /**
   * The roles the assertion held (ARNs name no secret): the bridge asks this issuer for a fresh
   * assertion when one of them is requested after expiry.
   */
  roleArns?: string[];
}

export type Capture = DecodedCapture | FailedCapture | ExpiredCapture;

/**
 * What the popup needs to open: a few hundred bytes plus one ARN per role, so opening does not
 * wait for a megabyte-sized inspection of a 1,000-role assertion to be read and copied.
 */
export interface CaptureSummary extends CaptureBase {
  kind: 'summary';
  expiresAt?: number;
  sessionName?: string;
  nameId?: string;
  issuer?: string;
  identityCenter: boolean;
  roleArns: string[];
  /** Lint errors (AWS would refuse the assertion), for a warning before signing in. */
  errors: { code: string; message: string }[];
  findingCount: number;
}

/** What the popup is given for its tab. */
export type PopupCapture = CaptureSummary | FailedCapture | ExpiredCapture;

export function summarize(capture: Capture): PopupCapture {
  if (capture.kind !== 'decoded') return capture;
  const { saml, aws, findings } = capture.inspection;
  const { inspection: _inspection, kind: _kind, ...base } = capture;
  return {
    ...base,
    kind: 'summary',
    // An empty RoleSessionName names no one (AWS refuses it): shown as none, so NameID stands in.
    ...(aws.sessionName ? { sessionName: aws.sessionName } : {}),
    ...(saml.nameId ? { nameId: saml.nameId.value } : {}),
    ...(saml.issuer !== undefined ? { issuer: saml.issuer } : {}),
    identityCenter: Boolean(aws.identityCenter),
    roleArns: aws.roles.map((role) => role.roleArn),
    errors: findings
      .filter((f) => f.severity === 'error')
      .map(({ code, message }) => ({ code, message })),
    findingCount: findings.length,
  };
}

/**
 * Drops what no extension page reads (the decoded XML and the per-value role parse, together
 * over half of a large capture) before it is stored.
 */
export function slimInspection(inspection: Inspection): Inspection {
  return {
    ...inspection,
    input: { ...inspection.input, xml: '' },
    aws: { ...inspection.aws, roleValues: [] },
  };
}

/** Storage keys of a tab's capture, shared by the worker (writes) and the popup (reads). */
export const captureKeys = (tabId: number) => ({
  full: `capture:${tabId}`,
  summary: `summary:${tabId}`,
});
