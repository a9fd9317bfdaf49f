import {
  type CredentialsRequest,
  type FetchLike,
  getCredentials,
  isExpired,
  type RoleCredentials,
  type RolePair,
  type StsError,
  type StsParameterError,
} from '../../../core/credentials.ts';
import type { Settings } from '../../../core/settings.ts';
import type { CredentialSettings } from '../../../shared/credential-settings.ts';
import type { CredentialsStore, StoredCredentials } from '../../../shared/credentials-store.ts';
import { DURATION_HINT } from './request.ts';

/** One role's credentials panel, from the form to the keys (or AWS's refusal). */
export type CredentialsState =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string }
  | { kind: 'loading' }
  | { kind: 'ready'; entry: StoredCredentials }
  | { kind: 'failed'; error: StsError; region?: string }
  | { kind: 'expired'; expiration: string };

/** Account aliases (for profile names) and the advanced credentials settings. */
export interface PanelSettings {
  accounts: Settings['accounts'];
  credentials: CredentialSettings;
}

/** What the panel's form holds when a person asks for credentials. */
export interface PanelRequest {
  tabId: number;
  samlAssertion: string;
  /** '' for each partition's default endpoint. */
  region: string;
  /** As typed; empty lets STS choose. */
  durationText: string;
  settings: PanelSettings;
}

/** The form's request for one role. */
export interface RoleRequest extends PanelRequest {
  role: RolePair;
}

export interface CredentialsDeps {
  fetch: FetchLike;
  store: CredentialsStore;
}

/**
 * The core's request from the form. The duration field starts at the assertion's SessionDuration
 * (assertionFacts), so an emptied field means "let STS choose" and no SessionDuration is passed.
 */
export function planRequest(request: PanelRequest, roles: readonly RolePair[]): CredentialsRequest {
  const { stsEndpoint, profileTemplate } = request.settings.credentials;
  const aliases = Object.entries(request.settings.accounts).flatMap(([id, account]) =>
    account.alias ? [[id, account.alias] as const] : [],
  );
  return {
    roles,
    samlAssertion: request.samlAssertion,
    accountAliases: Object.fromEntries(aliases),
    ...(request.durationText.trim() ? { duration: request.durationText } : {}),
    ...(request.region ? { region: request.region } : {}),
    ...(stsEndpoint ? { customEndpoint: stsEndpoint } : {}),
    ...(profileTemplate ? { profileTemplate } : {}),
  };
}

/** A refused parameter as the form shows it. */
export function invalidMessage(error: StsParameterError): string {
  return error.code === 'duration-invalid' ? DURATION_HINT : error.message;
}

/** One role's state from the core's result for it. */
export function roleState(tabId: number, result: RoleCredentials): CredentialsState {
  if (result.kind === 'unreachable') return { kind: 'invalid', message: result.message };
  if (result.kind === 'refused')
    return {
      kind: 'failed',
      error: result.error,
      ...(result.region ? { region: result.region } : {}),
    };
  const entry: StoredCredentials = {
    tabId,
    roleArn: result.role.roleArn,
    credentials: result.credentials,
    assumedRoleArn: result.assumedRoleArn,
    profile: result.profile.name,
    ...(result.region ? { region: result.region } : {}),
  };
  return { kind: 'ready', entry };
}

/** Calls STS for one role; never rejects for STS or network failures. Stores what it gets. */
export async function requestCredentials(
  request: RoleRequest,
  deps: CredentialsDeps,
): Promise<CredentialsState> {
  const outcome = await getCredentials(planRequest(request, [request.role]), { fetch: deps.fetch });
  if (!outcome.ok) return { kind: 'invalid', message: invalidMessage(outcome.error) };
  const state = roleState(request.tabId, outcome.roles[0]!);
  if (state.kind === 'ready') await deps.store.put(state.entry);
  return state;
}

/** On each tick: credentials past their expiry are dropped from storage and from view. */
export async function expireIfDue(
  state: CredentialsState,
  now: number,
  store: CredentialsStore,
): Promise<CredentialsState> {
  if (state.kind !== 'ready' || !isExpired(state.entry.credentials, new Date(now))) return state;
  await store.drop(state.entry.tabId, state.entry.roleArn);
  return { kind: 'expired', expiration: state.entry.credentials.expiration };
}
