import type { Inspection } from '../core/index.ts';

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
}

export type Capture = DecodedCapture | FailedCapture | ExpiredCapture;
