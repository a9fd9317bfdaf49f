import { isMessage, type Message, type Replies } from '../../shared/messages.ts';
import { withLearnedAliases } from '../../core/settings.ts';
import { signinFormFor } from '../signinForm.ts';
import type { WorkerDeps } from './deps.ts';
import { currentCapture, currentSummary } from './tabs.ts';

/** What a content script (running inside AWS's page) may ask: never for an assertion. */
const FROM_CONTENT_SCRIPTS: ReadonlySet<Message['type']> = new Set(['aliases/learned']);

/** Answers one message from the popup, the sign-in page or the content script. */
export async function handleMessage(
  message: unknown,
  deps: WorkerDeps,
  sender: { extensionPage: boolean } = { extensionPage: true },
): Promise<Replies[Message['type']]> {
  if (!isMessage(message)) throw new Error('Unknown message');
  if (!sender.extensionPage && !FROM_CONTENT_SCRIPTS.has(message.type)) {
    throw new Error(`${message.type} is only answered for the extension's own pages`);
  }
  switch (message.type) {
    case 'capture/expire':
      return { expired: (await currentSummary(message.tabId, deps))?.kind === 'expired' };
    case 'capture/details':
      return { capture: (await currentCapture(message.tabId, deps)) ?? null };
    case 'signin/form':
      return signinFormFor(
        await currentCapture(message.sourceTabId, deps),
        message.roleArn,
        deps.now(),
      );
    case 'aliases/learned': {
      // From a web page's context: keep only well-formed entries.
      const aliases = (Array.isArray(message.aliases) ? message.aliases.slice(0, 5000) : []).filter(
        (a: unknown): a is { accountId: string; alias: string } =>
          typeof (a as { accountId?: unknown })?.accountId === 'string' &&
          typeof (a as { alias?: unknown })?.alias === 'string',
      );
      await deps.settings.update((settings) => withLearnedAliases(settings, aliases));
      return { saved: aliases.length };
    }
  }
}
