import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { askBridge } from '../bridge/client.ts';
import { runHost } from '../bridge/host.ts';
import { describeInstall, extensionIdFor, install, planFor, uninstall } from '../bridge/install.ts';
import { BROWSERS, manifestLocation, type Browser } from '../bridge/manifest-location.ts';
import { bridgeSocketPath } from '../bridge/socket-path.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';

export const BRIDGE_USAGE = `Usage: saml-roles bridge install [--browser chrome|chromium|firefox] [--profile-dir DIR]
                                [--extension-id ID]
       saml-roles bridge uninstall [--browser B] [--profile-dir DIR]
       saml-roles bridge status [--browser B] [--profile-dir DIR]

The native messaging host that lets credential-process ask the extension for keys.
  install       writes the host manifest where the browser reads it, and a launcher beside
                saml-roles' data (it names node and this CLI by absolute path)
  uninstall     removes what install wrote (never a manifest saml-roles did not write)
  status        what is installed where, and whether the host runs and the extension answers
  --browser B   chrome (default), chromium or firefox
  --profile-dir DIR  a Chrome/Chromium started with --user-data-dir=DIR reads DIR/NativeMessagingHosts
  --extension-id ID  Chrome/Chromium: the extension's ID (chrome://extensions; the options page
                shows the exact command). Firefox: default saml-roles@saml-roles.dev
'bridge host' is what the browser runs; it is not meant to be run by hand.`;

export async function runBridge(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'host') return runHostCommand(rest, io);
  if (action === undefined || action === '--help' || action === '-h') {
    io.stdout(`${BRIDGE_USAGE}\n`);
    return action === undefined ? EXIT.usage : EXIT.ok;
  }
  if (action !== 'install' && action !== 'uninstall' && action !== 'status')
    throw new CliError(`unknown action "${action}": use install, uninstall or status`, EXIT.usage);
  const { values } = parseArgs({
    args: rest,
    options: {
      browser: { type: 'string' },
      'profile-dir': { type: 'string' },
      'extension-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(`${BRIDGE_USAGE}\n`);
    return EXIT.ok;
  }
  const browser = values.browser ?? 'chrome';
  if (!(BROWSERS as readonly string[]).includes(browser))
    throw new CliError(`--browser ${browser}: use ${BROWSERS.join(', ')}`, EXIT.usage);
  const home = io.env.HOME || homedir();
  const locate = (b: Browser) => {
    try {
      return manifestLocation(b, process.platform, io.env, home, values['profile-dir']);
    } catch (error) {
      throw new CliError(`--profile-dir: ${(error as Error).message}`, EXIT.usage);
    }
  };
  if (action === 'status') {
    const shown = values.browser !== undefined ? [browser as Browser] : BROWSERS;
    for (const b of values['profile-dir'] !== undefined
      ? shown.filter((x) => x !== 'firefox')
      : shown)
      io.stdout(`${await describeInstall(locate(b))}\n`);
    return reportHost(io);
  }
  const plan = planFor(locate(browser as Browser), process.platform, io.env);
  const lines =
    action === 'install'
      ? await install(
          plan,
          extensionIdFor(plan.location.browser, values['extension-id']),
          process.execPath,
          cliEntry(),
        )
      : await uninstall(plan);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** The script node runs for this CLI (bin/saml-roles.js), with links resolved. */
function cliEntry(): string {
  const entry = process.argv[1];
  if (!entry) throw new CliError('cannot tell where this CLI is installed', EXIT.failure);
  return realpathSync(entry);
}

async function reportHost(io: CliIo): Promise<number> {
  const socketPath = bridgeSocketPath(io.env);
  const result = await askBridge(socketPath, { type: 'status' }, 5_000);
  if (!result.ok) {
    const why =
      result.failure.kind === 'no-host'
        ? 'not running (the browser starts it when the bridge is on in the options)'
        : result.failure.kind === 'timeout'
          ? 'running, but the extension did not answer within 5 s'
          : `running, but it answered badly: ${result.failure.detail}`;
    io.stdout(`host: ${why} (${socketPath})\n`);
    return EXIT.findings;
  }
  const answer = result.answer;
  if (!answer.ok) {
    io.stdout(`host: running; the extension says ${answer.error.code}: ${answer.error.message}\n`);
    return EXIT.findings;
  }
  if (answer.type !== 'status') {
    io.stdout('host: running, but it answered a status request with credentials\n');
    return EXIT.findings;
  }
  const { extensionVersion, roleArns } = answer.status;
  io.stdout(
    `host: running (${socketPath}); extension ${extensionVersion} connected, ${roleArns.length} role${roleArns.length === 1 ? '' : 's'}\n`,
  );
  return EXIT.ok;
}

async function runHostCommand(args: string[], io: CliIo): Promise<number> {
  if (args[0] !== '--manifest' || args[1] === undefined)
    throw new CliError(
      "bridge host: the launcher that 'saml-roles bridge install' writes starts it with --manifest PATH",
      EXIT.usage,
    );
  return runHost({
    manifestPath: args[1],
    callerArgs: args.slice(2),
    socketPath: bridgeSocketPath(io.env),
    input: process.stdin,
    output: process.stdout,
    log: (line) => io.stderr(`saml-roles bridge host: ${line}\n`),
  });
}
