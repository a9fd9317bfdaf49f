// The worker's refresh pass: for every kept-fresh role whose credentials are due, one background
// sign-in per IdP, then AssumeRoleWithSAML again, and the new credentials replace the old ones in
// storage.session.
import type { BridgeError } from '../../core/bridge.ts';
import type { CredentialsOutcome, CredentialsRequest } from '../../core/credentials.ts';
import type { Clock } from '../../core/inspect.ts';
import type { Capture, DecodedCapture } from '../../shared/capture.ts';
import type { CredentialsStore, StoredCredentials } from '../../shared/credentials-store.ts';
import type { CaptureStore } from '../capture/store.ts';
import { isKeptFresh, type KeepFreshStore } from '../../shared/keep-fresh/keep-fresh-settings.ts';
import type { ReSignInResult } from './re-sign-in.ts';
import type { RefreshStatusStore } from '../../shared/keep-fresh/refresh-status.ts';
import { dueNow, heldKey, type HeldCredentials, nextWake } from './schedule.ts';

export interface RefreshDeps {
  credentials: Pick<CredentialsStore, 'list' | 'put'>;
  captures: Pick<CaptureStore, 'get' | 'put'>;
  keepFresh: Pick<KeepFreshStore, 'load'>;
  statuses: RefreshStatusStore;
  reSignIn(issuer: string): Promise<ReSignInResult>;
  /** The core's getCredentials, bound to the worker's fetch. */
  assume(request: CredentialsRequest): Promise<CredentialsOutcome>;
  now: Clock;
}

export interface RefreshPass {
  refreshed: number;
  failed: number;
  /** When the next pass is due (epoch ms), for the alarm; undefined: nothing to wake for. */
  nextWake?: number;
}

/** Runs one pass; never rejects for an IdP's, STS's or the network's failure (they are statuses). */
export async function refreshDue(deps: RefreshDeps): Promise<RefreshPass> {
  const settings = await deps.keepFresh.load();
  const entries = (await deps.credentials.list()).filter((e) => isKeptFresh(settings, e.roleArn));
  const held = entries.map(toHeld);
  const statuses = await deps.statuses.all();
  await deps.statuses.keep(new Set(held.map(heldKey)));
  const attempted = new Map(Object.entries(statuses).map(([key, s]) => [key, s.forExpiry]));
  const marginMs = settings.marginMinutes * 60_000;
  const due = dueNow(held, { marginMs, now: deps.now(), attempted });
  let refreshed = 0;
  let failed = 0;
  for (const [issuer, group] of await byIssuer(due, entries, deps.captures)) {
    // Marked before the sign-in: a worker that dies half-way does not try this expiry again.
    for (const { held: h } of group)
      await deps.statuses.set(heldKey(h), {
        kind: 'failed',
        at: deps.now(),
        forExpiry: h.expiresAt,
        error: { code: 'no-capture', message: 'The refresh did not finish.' },
      });
    const outcome = issuer
      ? await deps.reSignIn(issuer)
      : ({
          ok: false,
          error: { code: 'no-capture', message: 'The tab no longer holds the assertion.' },
        } as const);
    for (const { held: h, entry, source } of group) {
      const error = outcome.ok ? await renew(entry, source, outcome.capture, deps) : outcome.error;
      const status = error
        ? { kind: 'failed' as const, at: deps.now(), forExpiry: h.expiresAt, error }
        : { kind: 'refreshed' as const, at: deps.now(), forExpiry: h.expiresAt };
      await deps.statuses.set(heldKey(h), status);
      if (error) failed += 1;
      else refreshed += 1;
    }
  }
  const after = (await deps.credentials.list()).filter((e) => isKeptFresh(settings, e.roleArn));
  const latest = new Map(
    Object.entries(await deps.statuses.all()).map(([key, s]) => [key, s.forExpiry]),
  );
  const wake = nextWake(after.map(toHeld), { marginMs, attempted: latest });
  return { refreshed, failed, ...(wake === undefined ? {} : { nextWake: wake }) };
}

const toHeld = (entry: StoredCredentials): HeldCredentials => ({
  tabId: entry.tabId,
  roleArn: entry.roleArn,
  expiresAt: Date.parse(entry.credentials.expiration),
});

interface DueEntry {
  held: HeldCredentials;
  entry: StoredCredentials;
  source: Capture | undefined;
}

/** Due credentials grouped by the IdP that signed their assertion ('' when unknown). */
async function byIssuer(
  due: readonly HeldCredentials[],
  entries: readonly StoredCredentials[],
  captures: RefreshDeps['captures'],
): Promise<Map<string, DueEntry[]>> {
  const groups = new Map<string, DueEntry[]>();
  for (const h of due) {
    const entry = entries.find((e) => e.tabId === h.tabId && e.roleArn === h.roleArn)!;
    const source = await captures.get(h.tabId);
    const issuer = issuerOf(source) ?? '';
    groups.set(issuer, [...(groups.get(issuer) ?? []), { held: h, entry, source }]);
  }
  return groups;
}

function issuerOf(capture: Capture | undefined): string | undefined {
  if (capture?.kind === 'decoded') return capture.inspection.saml.issuer;
  if (capture?.kind === 'expired') return capture.issuer;
  return undefined;
}

/** New credentials for one role from the fresh assertion; the error when there are none. */
async function renew(
  entry: StoredCredentials,
  source: Capture | undefined,
  fresh: DecodedCapture,
  deps: RefreshDeps,
): Promise<BridgeError | undefined> {
  const role = fresh.inspection.aws.roles.find((r) => r.roleArn === entry.roleArn);
  if (!role)
    return {
      code: 'no-capture',
      message: `The IdP's new assertion no longer offers ${entry.roleArn}.`,
    };
  const sessionDuration = fresh.inspection.aws.sessionDuration;
  const outcome = await deps.assume({
    roles: [role],
    samlAssertion: fresh.inspection.input.samlResponse,
    ...(entry.region ? { region: entry.region } : {}),
    ...(typeof sessionDuration === 'number' ? { sessionDuration } : {}),
  });
  if (!outcome.ok) return { code: 'sts-refused', message: outcome.error.message };
  const result = outcome.roles[0];
  if (result?.kind !== 'granted')
    return {
      code: 'sts-refused',
      message:
        result?.kind === 'refused'
          ? `${result.error.code}: ${result.error.message}`
          : (result?.message ?? 'STS gave no answer.'),
    };
  await deps.credentials.put({
    ...entry,
    credentials: result.credentials,
    assumedRoleArn: result.assumedRoleArn,
  });
  // The tab's capture becomes the fresh assertion, still pointing where the user signed in.
  const idpUrl = source?.idpUrl ?? fresh.idpUrl;
  await deps.captures.put({ ...fresh, tabId: entry.tabId, ...(idpUrl ? { idpUrl } : {}) });
  return undefined;
}
