import {
  parseMessage,
  type MessageOf,
  type MessageType,
  type Replies,
  type Result,
} from '../../shared/messages.ts';
import { withLearnedAliases } from '../../core/settings.ts';
import { signinFormFor } from '../signin-form.ts';
import type { WorkerDeps } from './deps.ts';
import { currentCapture, currentSummary } from './tabs.ts';

type Handler<T extends MessageType> = (
  message: MessageOf<T>,
  deps: WorkerDeps,
) => Promise<Replies[T]>;

/** One handler per message type (a record, so a new type without one is a compile error). */
const HANDLERS: { [T in MessageType]: Handler<T> } = {
  'capture/expire': async ({ tabId }, deps) => ({
    expired: (await currentSummary(tabId, deps))?.kind === 'expired',
  }),
  'capture/details': async ({ tabId }, deps) => ({
    capture: (await currentCapture(tabId, deps)) ?? null,
  }),
  'signin/form': async ({ sourceTabId, roleArn }, deps) =>
    signinFormFor(await currentCapture(sourceTabId, deps), roleArn, deps.now()),
  'aliases/learned': async ({ aliases }, deps) => {
    await deps.settings.update((settings) => withLearnedAliases(settings, aliases));
    return { saved: aliases.length };
  },
  'refresh/run': async (_message, deps) =>
    (await deps.refresh?.run()) ?? { refreshed: 0, failed: 0 },
  'refresh/show-sign-in': async ({ issuer }, deps) => ({
    shown: (await deps.refresh?.showSignIn(issuer)) ?? false,
  }),
};

/** What a content script (running inside AWS's page) may ask: never for an assertion. */
const FROM_CONTENT_SCRIPTS: ReadonlySet<MessageType> = new Set(['aliases/learned']);

/** Answers one message from the popup, the sign-in page or the content script; never throws. */
export async function handleMessage(
  raw: unknown,
  deps: WorkerDeps,
  sender: { extensionPage: boolean } = { extensionPage: true },
): Promise<Result<Replies[MessageType]>> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) return parsed;
  const message = parsed.value;
  if (!sender.extensionPage && !FROM_CONTENT_SCRIPTS.has(message.type))
    return {
      ok: false,
      error: `${message.type} is only answered for the extension's own pages`,
    };
  try {
    // The record ties each type to its handler; TypeScript can't follow that through the union.
    const handler = HANDLERS[message.type] as Handler<MessageType>;
    return { ok: true, value: await handler(message as MessageOf<MessageType>, deps) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
