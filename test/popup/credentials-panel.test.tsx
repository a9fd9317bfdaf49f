import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/core/index.ts';
import { AllRolesCredentials } from '../../src/popup/credentials/all-roles-credentials.tsx';
import {
  CredentialsPanelView,
  loadCredentialsPanel,
  type CredentialsPanelDeps,
  type CredentialsPanelProps,
  type PanelLoad,
} from '../../src/popup/credentials/credentials-panel.tsx';
import { requestAllRoles } from '../../src/popup/credentials/model/all-roles.ts';
import { RoleCredentials } from '../../src/popup/credentials/role-credentials.tsx';
import type { CredentialSettings } from '../../src/shared/credential-settings.ts';
import { credentialsKey, credentialsStore } from '../../src/shared/credentials-store.ts';
import { memoryArea } from '../background/memory-area.ts';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';
import { expand } from './expand.ts';
import { fakeSts, NOW } from './sts-fake.ts';

const ADMIN = roleArn('111111111111', 'Admin');
const ISO = roleArn('222222222222', 'Iso', 'aws-iso');
const SAML = toBase64(
  buildSamlResponse({
    roles: [
      [ADMIN, providerArn('111111111111')],
      [ISO, providerArn('222222222222', 'MyIdP', 'aws-iso')],
    ],
    sessionDuration: '7200',
  }),
);

/** The panel with its stores in memory, the network faked and every outside call recorded. */
function panel(options: { credentials?: CredentialSettings; loadInspection?: () => never } = {}) {
  const session = memoryArea({
    // Another tab's credentials, expired: opening the panel drops them.
    [credentialsKey(9, ADMIN)]: {
      tabId: 9,
      roleArn: ADMIN,
      profile: 'old',
      assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/Admin/old',
      credentials: {
        accessKeyId: 'ASIAOLD0000000000000',
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date(NOW - 1000).toISOString(),
      },
    },
  });
  const sts = fakeSts();
  const opened: string[] = [];
  const deps: CredentialsPanelDeps = {
    store: credentialsStore(session, () => NOW),
    loadCredentialSettings: async () => options.credentials ?? {},
    fetch: sts.fetch,
    openTab: async (url) => void opened.push(url),
  };
  const props: CredentialsPanelProps = {
    target: 'all',
    tabId: 4,
    settings: { accounts: { '111111111111': { alias: 'prod' } }, favourites: [], recents: [] },
    idpUrl: 'https://idp.example.com/',
    now: () => NOW,
    loadInspection: options.loadInspection ?? (async () => inspect(SAML)),
    copyText: async () => undefined,
    deps,
  };
  return { props, deps, session, sts, opened };
}

const loaded = (load: PanelLoad) => {
  if (load.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(load)}`);
  return load;
};

describe('CredentialsPanel with its stores handed in', () => {
  it('sweeps the injected credentials store and reads the assertion and the injected settings', async () => {
    const t = panel({ credentials: { region: 'eu-west-1', profileTemplate: '{roleName}' } });
    const load = loaded(await loadCredentialsPanel(t.props));
    expect(load.assertion).toEqual({
      samlAssertion: SAML,
      roles: [
        expect.objectContaining({ roleArn: ADMIN }),
        expect.objectContaining({ roleArn: ISO }),
      ],
      defaultDuration: 7200,
    });
    expect(load.env).toMatchObject({
      tabId: 4,
      idpUrl: 'https://idp.example.com/',
      settings: {
        accounts: { '111111111111': { alias: 'prod' } },
        credentials: { region: 'eu-west-1', profileTemplate: '{roleName}' },
      },
    });
    expect(load.env.store).toBe(t.deps.store);
    expect(t.session.data.size).toBe(0);
  });

  it('gets and keeps credentials through the injected network and store, opens tabs through its own', async () => {
    const t = panel();
    const { env, assertion } = loaded(await loadCredentialsPanel(t.props));
    const outcome = await requestAllRoles(
      {
        tabId: env.tabId,
        roles: assertion.roles,
        samlAssertion: assertion.samlAssertion,
        region: '',
        durationText: '',
        settings: env.settings,
      },
      env,
    );
    expect(t.sts.calls.map((c) => c.params.get('RoleArn'))).toEqual([ADMIN]);
    expect('succeeded' in outcome && outcome.succeeded.map((s) => s.entry.profile)).toEqual([
      'prod-Admin',
    ]);
    expect([...t.session.data.keys()]).toEqual([credentialsKey(4, ADMIN)]);
    await env.openTab('https://console.aws.amazon.com/');
    expect(t.opened).toEqual(['https://console.aws.amazon.com/']);
  });

  it('says why when the assertion or the settings cannot be read', async () => {
    const gone = panel({
      loadInspection: () => {
        throw new Error('The assertion is no longer available.');
      },
    });
    const load = await loadCredentialsPanel(gone.props);
    expect(load).toEqual({ kind: 'failed', message: 'The assertion is no longer available.' });
    const { text } = expand(CredentialsPanelView({ target: 'all', load }));
    expect(text).toBe('The assertion could not be read' + 'The assertion is no longer available.');

    const t = panel();
    t.deps.loadCredentialSettings = () => Promise.reject(new Error('storage is gone'));
    expect(await loadCredentialsPanel(t.props)).toEqual({
      kind: 'failed',
      message: 'storage is gone',
    });
  });

  it('opens even when the sweep fails', async () => {
    const t = panel();
    t.deps.store.sweep = () => Promise.reject(new Error('quota'));
    expect((await loadCredentialsPanel(t.props)).kind).toBe('loaded');
  });
});

describe('CredentialsPanelView', () => {
  it('shows the loading line, then the panel for all roles or for the chosen one', async () => {
    expect(expand(CredentialsPanelView({ target: 'all', load: { kind: 'loading' } })).text).toBe(
      'Reading the assertion…',
    );
    const load = loaded(await loadCredentialsPanel(panel().props));
    const all = CredentialsPanelView({ target: 'all', load }) as VNode;
    expect(all.type).toBe(AllRolesCredentials);
    expect(all.props).toEqual({ env: load.env, assertion: load.assertion });
    const one = CredentialsPanelView({
      target: { roleArn: ADMIN, accountId: '111111111111', roleName: 'Admin' },
      load,
    }) as VNode;
    expect(one.type).toBe(RoleCredentials);
    expect(one.props).toMatchObject({ role: { roleArn: ADMIN }, env: load.env });
  });

  it('renders a role in a partition it cannot reach with the reason and nothing to press', async () => {
    const load = loaded(await loadCredentialsPanel(panel().props));
    const target = { roleArn: ISO, accountId: '222222222222', roleName: 'Iso' };
    const { text, tags } = expand(CredentialsPanelView({ target, load }));
    expect(text).toContain(`Role ${ISO} is in partition "aws-iso"`);
    expect(tags).not.toContain('button');
  });

  it('says so when the chosen role is not in the assertion', async () => {
    const load = loaded(await loadCredentialsPanel(panel().props));
    const other = roleArn('333333333333', 'Other');
    const target = { roleArn: other, accountId: '333333333333', roleName: 'Other' };
    const { text } = expand(CredentialsPanelView({ target, load }));
    expect(text).toBe(`Role not in the assertionThe assertion does not offer ${other}.`);
  });
});
