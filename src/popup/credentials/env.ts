import { defaultDurationSeconds, type FetchLike, type RolePair } from '../../core/credentials.ts';
import type { Inspection } from '../../core/inspect.ts';
import type { KeepFreshDeps } from './keep-fresh-toggle.tsx';
import type { CredentialsDeps, PanelSettings } from './model/state.ts';

/** What the credentials panel's components use, bound once by CredentialsPanel. */
export interface CredentialsEnv extends CredentialsDeps {
  tabId: number;
  /** Account aliases (for profile names) and the advanced credentials settings. */
  settings: PanelSettings;
  now(): number;
  copyText(text: string): Promise<void>;
  /** Opens a new tab beside the captured one. */
  openTab(url: string): Promise<void>;
  /** Where the assertion came from: the console's Issuer, where AWS sends an ended session. */
  idpUrl?: string;
  keepFresh?: KeepFreshDeps;
}

/** The parts of the captured assertion that STS needs. */
export interface AssertionFacts {
  samlAssertion: string;
  roles: RolePair[];
  /** The SessionDuration attribute when usable: the duration field's default. */
  defaultDuration?: number;
}

export function assertionFacts(inspection: Inspection): AssertionFacts {
  const duration = defaultDurationSeconds(inspection.aws);
  return {
    samlAssertion: inspection.input.samlResponse,
    roles: inspection.aws.roles,
    ...(duration === undefined ? {} : { defaultDuration: duration }),
  };
}

/**
 * The extension page's own fetch: host permissions let it reach STS and AWS sign-in without CORS.
 * No cookies: STS and the federation endpoint take everything from the request itself.
 */
export const pageFetch: FetchLike = (url, init) =>
  fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
