import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { inspect, withoutTrailingSlashes } from '../../core/inspect.ts';
import { demoConfig, IdpConfigError, loadConfig, type IdpConfig } from '../../idp/config.ts';
import { demoConfigData } from '../../idp/config/demo.ts';
import { defaultDataDir, KeyStoreError, resolveSigningKeys } from '../../idp/crypto/keystore.ts';
import { MappingError } from '../../idp/mapping/evaluate.ts';
import { Minter, MintError } from '../../idp/mint.ts';
import { buildIdpMetadata } from '../../idp/saml/metadata.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';

/** The server's default address: what `idp mint`/`idp metadata` use as issuer when none is set. */
export const DEFAULT_IDP_URL = 'http://127.0.0.1:7000';

const USAGE = `usage: saml-roles idp <command>
  mint --config FILE --user NAME --app SLUG [--data-dir DIR] [--issuer URL] [--table]
      print a signed base64 SAMLResponse (pipe it into 'saml-roles inspect -'); --table prints
      the decoded attributes instead
  metadata --config FILE [--data-dir DIR] [--url URL]
      print the IdP metadata XML to upload to IAM
  demo-config [--many-roles N]
      print the built-in demo configuration as YAML
--demo may replace --config FILE. The key is the server's: the same --data-dir (default
${defaultDataDir()}) signs alike. Start the server with 'npm run idp -- --config FILE'.`;

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
  throw new CliError(`unknown idp command "${sub}" (mint, metadata, demo-config)`, EXIT.usage);
}

async function mint(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...COMMON,
      user: { type: 'string' },
      app: { type: 'string' },
      issuer: { type: 'string' },
      table: { type: 'boolean' },
    },
  });
  if (values.help) return help(io);
  if (!values.user || !values.app)
    throw new CliError('give --user NAME and --app SLUG', EXIT.usage);
  const config = readConfig(values);
  const keys = await resolveSigningKeys({ dataDir: values['data-dir'] ?? defaultDataDir(io.env) });
  const minted = new Minter(config, keys, values.issuer ?? config.issuer ?? DEFAULT_IDP_URL).mint(
    values.user,
    values.app,
  );
  for (const warning of minted.warnings) io.stderr(`saml-roles idp: warning: ${warning}\n`);
  io.stdout(`${values.table ? attributeTable(minted.samlResponse) : minted.samlResponse}\n`);
  return EXIT.ok;
}

async function metadata(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, url: { type: 'string' } } });
  if (values.help) return help(io);
  const config = readConfig(values);
  const keys = await resolveSigningKeys({ dataDir: values['data-dir'] ?? defaultDataDir(io.env) });
  const url = withoutTrailingSlashes(values.url ?? DEFAULT_IDP_URL);
  io.stdout(
    buildIdpMetadata({
      entityId: config.issuer ?? url,
      ssoUrl: `${url}/sso`,
      certBase64: keys.certBase64,
    }),
  );
  return EXIT.ok;
}

function demoConfigYaml(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: { 'many-roles': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return help(io);
  const manyRoles = values['many-roles'] === undefined ? undefined : Number(values['many-roles']);
  if (manyRoles !== undefined && (!Number.isInteger(manyRoles) || manyRoles < 0))
    throw new CliError(`--many-roles "${values['many-roles']}" is not a whole number`, EXIT.usage);
  const data = demoConfigData(manyRoles === undefined ? {} : { manyRoles });
  io.stdout(
    `# The built-in demo of the saml-roles local IdP (saml-roles idp demo-config). Password: demo.\n${stringify(data, { lineWidth: 0 })}`,
  );
  return EXIT.ok;
}

function readConfig(values: { config?: string; demo?: boolean }): IdpConfig {
  if (!values.config === !values.demo)
    throw new CliError('give --config FILE or --demo', EXIT.usage);
  return values.config ? loadConfig(values.config) : demoConfig();
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
