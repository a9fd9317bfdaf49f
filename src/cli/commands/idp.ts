import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { inspect, withoutTrailingSlashes } from '../../core/inspect.ts';
import { IdpConfigError } from '../../idp/config.ts';
import { demoConfigData } from '../../idp/config/demo.ts';
import {
  defaultDataDir,
  KeyStoreError,
  resolveSigningKeys,
  type SigningKeys,
} from '../../idp/crypto/keystore.ts';
import { serverMismatch } from '../../idp/crypto/server-mismatch.ts';
import { readServerRecord } from '../../idp/crypto/server-record.ts';
import { MappingError } from '../../idp/mapping/evaluate.ts';
import { Minter, MintError } from '../../idp/mint.ts';
import { buildIdpMetadata } from '../../idp/saml/metadata.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { IDP_CHECK_USAGE, runIdpCheck } from './idp-check.ts';
import { DEFAULT_IDP_URL, readIdpConfig } from './idp-config.ts';
import { IDP_PREVIEW_USAGE, runIdpPreview } from './idp-preview.ts';
import { IDP_SCIM_SYNC_USAGE, runIdpScimSync } from './idp-scim-sync.ts';

export { DEFAULT_IDP_URL } from './idp-config.ts';

const USAGE = `usage: saml-roles idp <command>
  mint --config FILE --user NAME --app SLUG [--data-dir DIR] [--url URL] [--issuer ID] [--table]
      print a signed base64 SAMLResponse (pipe it into 'saml-roles inspect -'); --table prints
      the decoded attributes instead
  metadata --config FILE [--data-dir DIR] [--url URL]
      print the IdP metadata XML to upload to IAM
  demo-config [--many-roles N] [--scim-photos-removed]
      print the built-in demo configuration as YAML; --scim-photos-removed gives the variant
      whose SCIM mapping removes photos (demo/idp-scim-photos-removed.yaml)
${IDP_CHECK_USAGE}
${IDP_PREVIEW_USAGE}
${IDP_SCIM_SYNC_USAGE}
--demo may replace --config FILE. Sign as a server would: the same --data-dir (default
${defaultDataDir()}) holds the same key, and --url (default ${DEFAULT_IDP_URL}) is the
server's address, the issuer unless the config sets one. Both warn on stderr when the IdP last
started with that data dir signed otherwise. Start the server with 'npm run idp -- --config FILE'.`;

const COMMON = {
  config: { type: 'string' },
  demo: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `saml-roles idp <mint|metadata|demo-config> ...` */
export async function runIdpCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(`${USAGE}\n`);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    if (sub === 'mint') return await mint(rest, io);
    if (sub === 'metadata') return await metadata(rest, io);
    if (sub === 'demo-config') return demoConfigYaml(rest, io);
    if (sub === 'check') return await runIdpCheck(rest, io);
    if (sub === 'preview') return await runIdpPreview(rest, io);
    if (sub === 'scim-sync') return await runIdpScimSync(rest, io);
  } catch (error) {
    if (
      error instanceof IdpConfigError ||
      error instanceof KeyStoreError ||
      error instanceof MintError ||
      error instanceof MappingError
    ) {
      throw new CliError(error.message);
    }
    throw error;
  }
  throw new CliError(
    `unknown idp command "${sub}" (mint, metadata, demo-config, check, preview, scim-sync)`,
    EXIT.usage,
  );
}

async function mint(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...COMMON,
      user: { type: 'string' },
      app: { type: 'string' },
      url: { type: 'string' },
      issuer: { type: 'string' },
      table: { type: 'boolean' },
    },
  });
  if (values.help) return help(io);
  if (!values.user || !values.app)
    throw new CliError('give --user NAME and --app SLUG', EXIT.usage);
  const config = readIdpConfig(values);
  const dataDir = values['data-dir'] ?? defaultDataDir(io.env);
  const keys = await resolveSigningKeys({ dataDir });
  const url = withoutTrailingSlashes(values.url ?? DEFAULT_IDP_URL);
  const issuer = values.issuer ?? config.issuer ?? url;
  const minted = new Minter(config, keys, issuer).mint(values.user, values.app);
  await warnIfUnlikeServer(io, {
    command: 'mint',
    dataDir,
    dataDirIsDefault: values['data-dir'] === undefined,
    url,
    entityId: issuer,
    keys,
  });
  for (const warning of minted.warnings) io.stderr(`saml-roles idp: warning: ${warning}\n`);
  io.stdout(`${values.table ? attributeTable(minted.samlResponse) : minted.samlResponse}\n`);
  return EXIT.ok;
}

async function metadata(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, url: { type: 'string' } } });
  if (values.help) return help(io);
  const config = readIdpConfig(values);
  const dataDir = values['data-dir'] ?? defaultDataDir(io.env);
  const keys = await resolveSigningKeys({ dataDir });
  const url = withoutTrailingSlashes(values.url ?? DEFAULT_IDP_URL);
  const entityId = config.issuer ?? url;
  await warnIfUnlikeServer(io, {
    command: 'metadata',
    dataDir,
    dataDirIsDefault: values['data-dir'] === undefined,
    url,
    entityId,
    keys,
  });
  io.stdout(buildIdpMetadata({ entityId, ssoUrl: `${url}/sso`, certBase64: keys.certBase64 }));
  return EXIT.ok;
}

/** One stderr line when this output would not match the IdP last started with the data dir. */
async function warnIfUnlikeServer(
  io: CliIo,
  signing: {
    command: 'mint' | 'metadata';
    dataDir: string;
    dataDirIsDefault: boolean;
    url: string;
    entityId: string;
    keys: SigningKeys;
  },
): Promise<void> {
  const { keys, ...rest } = signing;
  const warning = serverMismatch(
    { ...rest, certBase64: keys.certBase64, keyCreated: keys.createdNow },
    await readServerRecord(signing.dataDir),
  );
  if (warning)
    io.stderr(`saml-roles idp ${signing.command}: ${warning}
`);
}

function demoConfigYaml(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: {
      'many-roles': { type: 'string' },
      'scim-photos-removed': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return help(io);
  const manyRoles = values['many-roles'] === undefined ? undefined : Number(values['many-roles']);
  if (manyRoles !== undefined && (!Number.isInteger(manyRoles) || manyRoles < 0))
    throw new CliError(`--many-roles "${values['many-roles']}" is not a whole number`, EXIT.usage);
  const data = demoConfigData({
    ...(manyRoles === undefined ? {} : { manyRoles }),
    scimPhotosRemoved: values['scim-photos-removed'] ?? false,
  });
  io.stdout(
    `# The built-in demo of the saml-roles local IdP (saml-roles idp demo-config). Password: demo.\n${stringify(data, { lineWidth: 0 })}`,
  );
  return EXIT.ok;
}

/** The decoded NameID and attributes, read back through the core as `inspect` would. */
function attributeTable(samlResponse: string): string {
  const { saml } = inspect(samlResponse);
  const rows: [string, string][] = [['NameID', saml.nameId?.value ?? '']];
  for (const attribute of saml.attributes)
    attribute.values.forEach((value, i) => rows.push([i === 0 ? attribute.name : '', value]));
  const width = Math.max(...rows.map(([name]) => name.length), 'Attribute'.length);
  const header: [string, string] = ['Attribute', 'Value'];
  return [header, ...rows].map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}

function help(io: CliIo): number {
  io.stdout(`${USAGE}\n`);
  return EXIT.ok;
}
