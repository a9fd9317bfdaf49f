// The one message union between extension pages, the content script and the worker, with each
// message's reply and a validator per message. The popup reads its tab's summary straight from
// storage.session (no wake-up of a stopped worker).
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
  | { type: 'aliases/learned'; aliases: LearnedAlias[] }
  /** Keep-fresh settings changed (or the user asks now): refresh what is due, reschedule. */
  | { type: 'refresh/run' }
  /** The user asks to see the tab left at this IdP's login page. */
  | { type: 'refresh/show-sign-in'; issuer: string };

export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

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
  'refresh/run': { refreshed: number; failed: number };
  'refresh/show-sign-in': { shown: boolean };
}

export type ReplyOf<M extends Message> = Replies[M['type']];

/** What every sender gets back: the handler's reply, or why there is none. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** AWS's role-selection page lists at most a few thousand accounts; more is not that page. */
const MAX_LEARNED_ALIASES = 5000;

const isTabId = (value: unknown): value is number => Number.isSafeInteger(value);
const isLearnedAlias = (value: unknown): value is LearnedAlias =>
  typeof (value as Partial<LearnedAlias> | null)?.accountId === 'string' &&
  typeof (value as Partial<LearnedAlias> | null)?.alias === 'string';

type Fields = Record<string, unknown>;

/**
 * One validator per message type (a record, so a new type without one is a compile error). Each
 * rebuilds the message from its known fields, so nothing else a sender added travels further.
 */
const VALIDATORS: { [T in MessageType]: (fields: Fields) => MessageOf<T> | undefined } = {
  'capture/expire': ({ tabId }) => (isTabId(tabId) ? { type: 'capture/expire', tabId } : undefined),
  'capture/details': ({ tabId }) =>
    isTabId(tabId) ? { type: 'capture/details', tabId } : undefined,
  'signin/form': ({ sourceTabId, roleArn }) =>
    isTabId(sourceTabId) && typeof roleArn === 'string'
      ? { type: 'signin/form', sourceTabId, roleArn }
      : undefined,
  // Sent from inside a web page: keep only well-formed entries.
  'aliases/learned': ({ aliases }) =>
    Array.isArray(aliases)
      ? {
          type: 'aliases/learned',
          aliases: aliases.slice(0, MAX_LEARNED_ALIASES).filter(isLearnedAlias),
        }
      : undefined,
  'refresh/run': () => ({ type: 'refresh/run' }),
  'refresh/show-sign-in': ({ issuer }) =>
    typeof issuer === 'string' && issuer.length <= 1024
      ? { type: 'refresh/show-sign-in', issuer }
      : undefined,
};

/** Narrows anything that arrives on the runtime channel to a known, well-formed message. */
export function parseMessage(value: unknown): Result<Message> {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(VALIDATORS, type))
    return { ok: false, error: 'Unknown message' };
  const message = VALIDATORS[type as MessageType](value as Fields);
  return message ? { ok: true, value: message } : { ok: false, error: `Malformed ${type} message` };
}
