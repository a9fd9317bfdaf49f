import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser.ts';

/**
 * Sends one message to the worker and returns its reply. Typed by the caller's message union
 * (src/shared/messages.ts) so this layer stays generic.
 */
export async function sendMessage<Reply>(message: unknown): Promise<Reply> {
  return (await browser.runtime.sendMessage(message)) as Reply;
}

/** Who sent a message: one of the extension's own pages, or a content script in a web page. */
export interface MessageSender {
  extensionPage: boolean;
}

/** Registers the worker's one message handler; a rejected promise becomes an `{ error }` reply. */
export function onMessage(
  handler: (message: unknown, sender: MessageSender) => Promise<unknown>,
): void {
  const ownOrigin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handler(message, { extensionPage: sender.url?.startsWith(ownOrigin) === true }).catch(
      (error: unknown) => ({
        error: error instanceof Error ? error.message : String(error),
      }),
    ),
  );
}
