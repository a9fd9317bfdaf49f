import { isMessage, type Message, type Replies } from '../../shared/messages.ts';
import { withLearnedAliases } from '../../shared/settings.ts';
import { signinFormFor } from '../signinForm.ts';
import type { WorkerDeps } from './deps.ts';
import { currentCapture, currentSummary } from './tabs.ts';

/** Answers one message from the popup, the sign-in page or the content script. */
export async function handleMessage(
  message: unknown,
  deps: WorkerDeps,
): Promise<Replies[Message['type']]> {
  if (!isMessage(message)) throw new Error('Unknown message');
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
      const aliases = Array.isArray(message.aliases) ? message.aliases.slice(0, 5000) : [];
      await deps.settings.update((settings) => withLearnedAliases(settings, aliases));
      return { saved: aliases.length };
    }
  }
}
