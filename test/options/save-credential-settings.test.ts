import { describe, expect, it } from 'vitest';
import { planSave, saveCredentialSettings } from '../../src/options/save-credential-settings.ts';
import {
  credentialSettingsStore,
  endpointOriginPattern,
  normalizeCredentialSettings,
} from '../../src/shared/credential-settings.ts';
import { memoryArea } from '../background/memory-area.ts';

describe('saving the credentials settings form', () => {
  it('checks each field: endpoint URL, profile template, region', () => {
    expect(
      planSave({ stsEndpoint: 'sts.example.com', profileTemplate: '{x}', region: 'mars-1' }),
    ).toEqual({
      ok: false,
      problems: {
        stsEndpoint: expect.stringMatching(/not an http\(s\) URL/),
        profileTemplate: expect.stringMatching(/unknown placeholder "x"/),
        region: expect.stringMatching(/not a region/),
      },
    });
    expect(
      planSave({ profileTemplate: ' {accountId}-{roleName} ', region: '', stsEndpoint: ' ' }),
    ).toEqual({
      ok: true,
      settings: { profileTemplate: '{accountId}-{roleName}' },
    });
  });

  it('asks for the custom endpoint host permission (any port) and saves only when granted', async () => {
    const plan = planSave({ stsEndpoint: 'http://127.0.0.1:9000/sts', region: 'us-gov-east-1' });
    expect(plan).toEqual({
      ok: true,
      settings: { stsEndpoint: 'http://127.0.0.1:9000/sts', region: 'us-gov-east-1' },
      permission: 'http://127.0.0.1/*',
    });
    if (!plan.ok) throw new Error('unreachable');
    const area = memoryArea();
    const store = credentialSettingsStore(area);
    const asked: string[] = [];
    const denied = await saveCredentialSettings(plan, {
      requestPermission: async (p) => (asked.push(p), false),
      save: store.save,
    });
    expect(denied).toMatch(/^Not saved/);
    expect(area.data.size).toBe(0);
    const granted = await saveCredentialSettings(plan, {
      requestPermission: async () => true,
      save: store.save,
    });
    expect(granted).toBe('Credentials settings saved.');
    expect(asked).toEqual(['http://127.0.0.1/*']);
    expect(await store.load()).toEqual(plan.settings);
    expect(endpointOriginPattern('https://sts.example.com:8443/x?y')).toBe(
      'https://sts.example.com/*',
    );
  });

  it('refuses a plain-http endpoint that is not this machine, saying why, and asks nothing', () => {
    expect(planSave({ stsEndpoint: 'http://sts.corp.example/' })).toEqual({
      ok: false,
      problems: {
        stsEndpoint:
          'STS endpoint "http://sts.corp.example/" is plain http to another machine: the SAML assertion and the credentials STS returns would cross the network in clear text. Use https://, or http only to 127.0.0.1, ::1 or localhost',
      },
    });
    expect(planSave({ stsEndpoint: 'http://localhost:4566' })).toMatchObject({ ok: true });
    expect(normalizeCredentialSettings({ stsEndpoint: 'http://10.1.2.3/' })).toEqual({});
  });

  it('needs no permission without a custom endpoint', async () => {
    const plan = planSave({ region: 'eu-west-1' });
    if (!plan.ok) throw new Error('unreachable');
    const result = await saveCredentialSettings(plan, {
      requestPermission: async () => {
        throw new Error('must not ask');
      },
      save: async () => undefined,
    });
    expect(result).toBe('Credentials settings saved.');
  });
});
