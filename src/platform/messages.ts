import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser.ts';

/**
 * Sends one message to the worker and returns whatever it answered. Untyped on purpose: the
 * typed sender (src/shared/message-channel.ts) owns the message union and its replies.
 */
export async function sendRawMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/** Who sent a message: one of the extension's own pages, or a content script in a web page. */
export interface MessageSender {
  extensionPage: boolean;
}

/**
 * Registers the worker's one message handler. The handler answers its own errors; one that
 * rejects anyway is logged and answers nothing, which the typed sender reports as an error.
 */
export function onMessage(
  handler: (message: unknown, sender: MessageSender) => Promise<unknown>,
): void {
  const ownOrigin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handler(message, { extensionPage: sender.url?.startsWith(ownOrigin) === true }).catch(
      (error: unknown) => void console.error('saml-roles: message handler failed', error),
    ),
  );
}
