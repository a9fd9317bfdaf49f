import { describe, expect, it } from 'vitest';
import { credentialsStore, type StoredCredentials } from '../../src/shared/credentials-store.ts';
import { memoryArea } from '../background/memory-area.ts';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const ROLE = 'arn:aws:iam::111111111111:role/Admin';
const minutes = (n: number) => n * 60_000;

function entry(tabId: number, expiresInMs: number, extra: Partial<StoredCredentials> = {}) {
  return {
    tabId,
    roleArn: ROLE,
    credentials: {
      accessKeyId: `ASIA${tabId}`,
      secretAccessKey: 's',
      sessionToken: 't',
      expiration: new Date(NOW + expiresInMs).toISOString(),
    },
    assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/Admin/bob',
    profile: '111111111111-Admin',
    ...extra,
  };
}

describe('credentialsStore.findForRole', () => {
  it('finds the role in any tab, the longest-lived of those with more than the margin left', async () => {
    const store = credentialsStore(memoryArea(), () => NOW);
    await store.put(entry(1, minutes(10)));
    await store.put(entry(2, minutes(50)));
    await store.put(entry(3, minutes(4)));
    await store.put(entry(4, minutes(90), { roleArn: 'arn:aws:iam::111111111111:role/Other' }));
    const found = await store.findForRole(ROLE, { minValidMs: minutes(5) });
    expect(found?.tabId).toBe(2);
  });

  it('finds nothing within the margin, from another region, or with no date', async () => {
    const store = credentialsStore(memoryArea(), () => NOW);
    await store.put(entry(1, minutes(4)));
    await store.put(entry(2, minutes(50), { region: 'eu-west-1' }));
    const noDate = entry(3, 0);
    noDate.credentials.expiration = 'soon';
    await store.put(noDate);
    expect(await store.findForRole(ROLE, { minValidMs: minutes(5) })).toBeUndefined();
    expect(
      (await store.findForRole(ROLE, { minValidMs: minutes(5), region: 'eu-west-1' }))?.tabId,
    ).toBe(2);
    expect(await store.findForRole(ROLE, { minValidMs: minutes(5), region: 'us-east-1' })).toBe(
      undefined,
    );
  });
});
