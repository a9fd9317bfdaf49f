// Per IdP issuer, how to start a sign-in again: the URL learned from the capture, or the one the
// user set in the options (which wins). storage.local: these are links, not secrets.
import type { KeyValueArea } from '../../platform/types.ts';
import { checkStartUrl } from './start-url.ts';

const KEY = 'refresh:start-urls';
/** More IdPs than anyone signs in to; past it the entries not touched for longest go. */
export const MAX_ISSUERS = 100;
const MAX_ISSUER_LENGTH = 1024;

export interface StartUrlEntry {
  /** The page the assertion came from (initiator or Referer), learned on capture. */
  learned?: string;
  /** The AWS application link the user set in the options. */
  chosen?: string;
}

export type StartUrls = Record<string, StartUrlEntry>;

export interface StartUrlStore {
  all(): Promise<StartUrls>;
  /** The URL to open for this issuer: the user's choice, else the learned one. */
  startUrlFor(issuer: string): Promise<string | undefined>;
  /** Records where a capture came from; an invalid URL is ignored (the user can set one). */
  learn(issuer: string, url: string): Promise<void>;
  /** Sets (or, with undefined or '', clears) the user's link; returns the problem when refused. */
  choose(issuer: string, url: string | undefined): Promise<string | undefined>;
}

export function startUrlStore(area: KeyValueArea): StartUrlStore {
  // A Map, not an object: issuers are text from assertions ("__proto__" is one too).
  const read = async (): Promise<Map<string, StartUrlEntry>> =>
    new Map(Object.entries(((await area.get(KEY)) as StartUrls | undefined) ?? {}));
  const write = (urls: Map<string, StartUrlEntry>): Promise<void> =>
    area.set(KEY, Object.fromEntries([...urls].slice(-MAX_ISSUERS)));
  /** Re-inserted last, so the bound drops the issuers not touched for longest. */
  const put = (urls: Map<string, StartUrlEntry>, issuer: string, entry: StartUrlEntry) => {
    urls.delete(issuer);
    urls.set(issuer, entry);
    return write(urls);
  };
  const usableIssuer = (issuer: string) => issuer !== '' && issuer.length <= MAX_ISSUER_LENGTH;
  return {
    all: async () => Object.fromEntries(await read()),
    async startUrlFor(issuer) {
      const entry = (await read()).get(issuer);
      return entry?.chosen ?? entry?.learned;
    },
    async learn(issuer, url) {
      const check = checkStartUrl(url);
      if (!check.ok || !usableIssuer(issuer)) return;
      const urls = await read();
      const entry = urls.get(issuer);
      if (entry?.learned === check.url) return;
      await put(urls, issuer, { ...entry, learned: check.url });
    },
    async choose(issuer, url) {
      if (!usableIssuer(issuer)) return 'The issuer is empty or too long.';
      const urls = await read();
      const { chosen: _previous, ...rest } = urls.get(issuer) ?? {};
      if (url === undefined || url.trim() === '') {
        await put(urls, issuer, rest);
        return undefined;
      }
      const check = checkStartUrl(url);
      if (!check.ok) return check.problem;
      await put(urls, issuer, { ...rest, chosen: check.url });
      return undefined;
    },
  };
}
