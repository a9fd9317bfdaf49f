// The one message union between extension pages, the content script and the worker. The popup
// reads its tab's summary straight from storage.session (no wake-up of a stopped worker).
import type { Capture } from './capture.ts';

export interface LearnedAlias {
  accountId: string;
  alias: string;
}

export type Message =
  /** The popup saw its tab's assertion past expiry: replace it with its tombstone now. */
  | { type: 'capture/expire'; tabId: number }
  /** The popup's details view asks for the whole inspection. */
  | { type: 'capture/details'; tabId: number }
  /** The sign-in page asks for the form to re-POST to AWS. */
  | { type: 'signin/form'; sourceTabId: number; roleArn: string }
  /** The content script on AWS's role-selection page reports account aliases. */
  | { type: 'aliases/learned'; aliases: LearnedAlias[] };

/** The fields of the form the sign-in page submits to AWS. */
export interface SigninForm {
  action: string;
  fields: { SAMLResponse: string; RelayState?: string; roleIndex: string };
}

export type SigninFormReply =
  | { ok: true; form: SigninForm }
  | {
      ok: false;
      reason: 'expired' | 'missing' | 'unknown-role' | 'not-iam';
      message: string;
      idpUrl?: string;
    };

export interface Replies {
  'capture/expire': { expired: boolean };
  'capture/details': { capture: Capture | null };
  'signin/form': SigninFormReply;
  'aliases/learned': { saved: number };
}

export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

// A record, so that adding a message type without listing it here is a compile error.
const TYPES: Record<Message['type'], true> = {
  'capture/expire': true,
  'capture/details': true,
  'signin/form': true,
  'aliases/learned': true,
};

/** Narrows an incoming value to a known message (anything can arrive on the runtime channel). */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(TYPES, String((value as { type?: unknown }).type))
  );
}
