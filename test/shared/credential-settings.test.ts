import { describe, expect, it } from 'vitest';
import {
  credentialSettingsStore,
  normalizeCredentialSettings,
} from '../../src/shared/credential-settings.ts';
import { memoryArea } from '../background/memory-area.ts';

describe('stored credentials settings', () => {
  it('drops values that do not pass their checks', () => {
    expect(
      normalizeCredentialSettings({
        stsEndpoint: 'javascript:alert(1)',
        profileTemplate: 5,
        region: 'eu-west-1',
      }),
    ).toEqual({ region: 'eu-west-1' });
    expect(normalizeCredentialSettings(null)).toEqual({});
  });

  it('round-trips what was saved, and loads a tampered value as unset', async () => {
    const area = memoryArea();
    const store = credentialSettingsStore(area);
    expect(await store.load()).toEqual({});
    await store.save({ region: 'eu-west-1', profileTemplate: '{accountId}-{roleName}' });
    expect(await store.load()).toEqual({
      region: 'eu-west-1',
      profileTemplate: '{accountId}-{roleName}',
    });
    // Whatever key it is stored under, a value that fails its check is not handed out.
    for (const key of area.data.keys()) area.data.set(key, { region: 'nowhere-1' });
    expect(await store.load()).toEqual({});
  });
});
