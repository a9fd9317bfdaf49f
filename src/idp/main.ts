// `npm run idp -- --config FILE ...` and `npm start` (`--demo`): wiring only.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoConfig, IdpConfigError, loadConfig } from './config.ts';
import { DEMO_SCIM_TOKEN_ENV, DEMO_SCIM_URL } from './config/demo.ts';
import type { IdpConfig } from './config/types.ts';
import { defaultDataDir, KeyStoreError } from './crypto/keystore.ts';
import { DEFAULT_IDP_HOST, DEFAULT_IDP_PORT, portInUseMessage } from './http/port-check.ts';
import { boundedFetch } from './http/bounded-fetch.ts';
import { SCIM_FETCH, startIdp } from './server.ts';
import { unreadableFileMessage } from './unreadable-file.ts';
import { hostResolverRules } from './standin/aws-hosts.ts';
import {
  DEFAULT_STAND_IN_PORT,
  defaultStandInDataDir,
  StandInInputError,
  startStandInCommand,
  type RunningStandIn,
} from './standin/command.ts';
import { demoStandInRoles } from './standin/roles/demo-roles.ts';
import { generateScimToken } from './standin/scim/bearer-token.ts';
import { loadOrCreateStandInCertificate } from './standin/tls.ts';

const USAGE = `usage: npm run idp -- (--config FILE | --demo [--scim-photos-removed]) [--port N] [--host H] [--data-dir DIR]
       [--cert F --key F] [--with-standin [--standin-port N]]
  --with-standin          also start the AWS sign-in stand-in, trusting this IdP; with --demo it
                          serves Identity Center's SCIM too, and the demo provisions into it
  --scim-photos-removed   the demo whose SCIM mapping removes photos (Identity Center refuses them)`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'with-standin': { type: 'boolean' },
      'standin-port': { type: 'string' },
      'scim-photos-removed': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.config === !values.demo) throw new UsageError('give --config FILE or --demo');
  const port = values.port === undefined ? DEFAULT_IDP_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port "${values.port}" is not a port number`);
  const standInPort = Number(values['standin-port'] ?? DEFAULT_STAND_IN_PORT);
  if (!Number.isInteger(standInPort) || standInPort < 0 || standInPort > 65535)
    throw new UsageError(`--standin-port "${values['standin-port']}" is not a port number`);
  if (values['scim-photos-removed'] && !values.demo)
    throw new UsageError('--scim-photos-removed is a variant of --demo');
  const config = values.config
    ? loadConfig(values.config)
    : demoConfig({ scimPhotosRemoved: values['scim-photos-removed'] ?? false });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const host = values.host ?? DEFAULT_IDP_HOST;
  const standInDataDir = defaultStandInDataDir();
  // The demo provisions into the stand-in started beside it: a token made for this run and handed
  // over in-process (never printed), and the stand-in's own certificate trusted for the sync.
  const demoScim =
    values.demo && values['with-standin']
      ? {
          token: generateScimToken(),
          ca: (await loadOrCreateStandInCertificate(standInDataDir)).certPem,
        }
      : undefined;
  const idp = await startIdp({
    config,
    port,
    host,
    demo: values.demo ?? false,
    dataDir,
    ...(values.cert ? { certPem: readOptionFile('--cert', values.cert) } : {}),
    ...(values.key ? { keyPem: readOptionFile('--key', values.key) } : {}),
    ...(demoScim
      ? {
          // Synced once the stand-in listens, below.
          syncScimOnStart: false,
          fetch: boundedFetch({ ...SCIM_FETCH, ca: demoScim.ca }),
          env: { ...process.env, [DEMO_SCIM_TOKEN_ENV]: demoScim.token },
        }
      : {}),
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new PortInUseError(portInUseMessage(host, port));
    throw error;
  });
  let standIn: RunningStandIn | undefined;
  if (values['with-standin']) {
    try {
      standIn = await startStandInCommand({
        port: standInPort,
        dataDir: standInDataDir,
        trust: [{ source: `the IdP at ${idp.url}`, xml: idp.metadataXml }],
        ...(values.demo ? { roles: demoStandInRoles() } : {}),
        ...(demoScim ? { scim: { token: demoScim.token } } : {}),
      });
    } catch (error) {
      await idp.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new PortInUseError(portInUseMessage('127.0.0.1', standInPort, '--standin-port'));
      throw error;
    }
  }
  if (demoScim && standIn?.scim) {
    pointDemoScimAt(config, standIn.scim.url);
    // Beside serving, as on start: the outcome is logged when it comes.
    void idp.syncScim();
  }
  console.log(`saml-roles local IdP (for development and testing) is running at ${idp.url}
  sign in:      ${idp.url}/login   (${values.demo ? 'demo users: ' + config.users.map((u) => u.username).join(', ') + '; password "demo"' : `users from ${config.source}`})
  metadata:     ${idp.url}/metadata   (upload this to IAM; entityID ${config.issuer ?? idp.url})
  SP-initiated: ${idp.url}/sso (HTTP-Redirect and HTTP-POST)
  signing key:  ${values.cert ? values.cert : resolve(dataDir)}
${values.cert ? '' : `  same offline: npx saml-roles idp metadata ${values.config ? `--config ${values.config}` : '--demo'} --data-dir ${resolve(dataDir)} --url ${idp.url}\n`}
Load the extension (built by npm run build):
  Chrome:  chrome://extensions, turn on Developer mode, "Load unpacked", pick ${resolve('dist')}
  Firefox: about:debugging#/runtime/this-firefox, "Load Temporary Add-on", pick
           ${resolve('dist-firefox', 'manifest.json')}
Then sign in and open an application above: the extension captures the SAML response on its way
to AWS and its popup lists the roles. (AWS itself refuses the demo's assertions, as no account
trusts this IdP; the tests send them to the local sign-in test stand-in instead.)
${standIn ? standInText(standIn) : ''}Press Ctrl+C to stop.`);
  const stop = () => void Promise.all([idp.close(), standIn?.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

/** How the stand-in started beside the IdP is reached: the demo's ACS stays AWS's real URL. */
function standInText(standIn: RunningStandIn): string {
  return `
AWS sign-in test stand-in (not AWS): ${standIn.url}, trusting this IdP
  certificate SHA-256 fingerprint: ${standIn.fingerprint}
The IdP's applications still post to https://signin.aws.amazon.com/saml; a browser reaches the
stand-in there only with the AWS hosts mapped to it ('npm run playground' does this), e.g.:
  chromium --user-data-dir="$(mktemp -d)" --host-resolver-rules="${hostResolverRules(standIn.hostPort)}" --ignore-certificate-errors-spki-list=${standIn.spkiHash}
${
  standIn.scim
    ? `Identity Center SCIM: ${standIn.scim.url} (who is provisioned: ${standIn.url}/scim), with a
  token made for this run and given to this IdP's sync only; Identity Center sign-in there needs
  a provisioned, active user. The sync's outcome follows as "saml-roles idp: scim: ..." lines.
`
    : ''
}`;
}

/**
 * The demo names the stand-in's default port; the stand-in may be on another (--standin-port),
 * so its applications provision to where it really listens. Only the demo's own URL is changed.
 */
function pointDemoScimAt(config: IdpConfig, url: string): void {
  for (const app of config.applications) if (app.scim?.url === DEMO_SCIM_URL) app.scim.url = url;
}

class UsageError extends Error {}
class PortInUseError extends Error {}

function readOptionFile(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new IdpConfigError(`${option}: ${unreadableFileMessage(path, error)}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof IdpConfigError ||
    error instanceof StandInInputError ||
    error instanceof KeyStoreError ||
    error instanceof PortInUseError ||
    error instanceof UsageError;
  const code = (error as NodeJS.ErrnoException).code;
  if (known)
    console.error(
      `saml-roles idp: ${error.message}${error instanceof UsageError ? `\n${USAGE}` : ''}`,
    );
  else if (code?.startsWith('ERR_PARSE_ARGS'))
    console.error(`saml-roles idp: ${(error as Error).message}\n${USAGE}`);
  else console.error('saml-roles idp:', error);
  process.exit(2);
});
