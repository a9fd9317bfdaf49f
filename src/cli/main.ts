import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { CliError, EXIT, type CliIo } from './io.ts';
import { nodeFetch } from './node-fetch.ts';
import { CLI_VERSION } from './version.ts';

const USAGE = `saml-roles: AWS roles from a SAML assertion

Commands:
  inspect [FILE|-]      decode, list roles and lint a SAML response (--json, --now, --expect,
                        --trust-policy ROLE_ARN=POLICY.json)
  diff A B              what changed in meaning between two SAML responses (--json)
  policy-vars [FILE|-]  resolve \${saml:sub} and other variables in a permission policy
                        (--policy POLICY.json, --provider ARN)
  credentials [FILE|-]  temporary AWS keys via STS (--role ARN|--all, --format env|ini|process)
  idp <mint|metadata|check|preview|scim-sync>
                        the companion IdP: mint, metadata, check expectations, preview a change,
                        provision users and groups to SCIM (IAM Identity Center)
  standin               a local AWS sign-in and STS stand-in (HTTPS) that judges assertions
  bridge <install|uninstall|status|host>
                        the native messaging host that relays between the extension and the CLI
  credential-process --role ARN
                        credential_process JSON for the AWS CLI and SDKs, from the extension
  configure             one ~/.aws/config profile per role the extension holds
  --version             print the version

Run 'saml-roles <command> --help' for details.`;

type Command = (args: string[], io: CliIo) => Promise<number>;
// A Map: `saml-roles constructor` must be an unknown command, not Object.prototype's.
// Each command is imported when run, so a start loads only its own modules (the IdP's xml-crypto
// and yaml stay unloaded for `inspect`): credential_process runs the CLI for every AWS call.
const COMMANDS = new Map<string, () => Promise<Command>>([
  ['inspect', async () => (await import('./commands/inspect.ts')).runInspect],
  ['diff', async () => (await import('./commands/diff.ts')).runDiff],
  ['credentials', async () => (await import('./commands/credentials.ts')).runCredentials],
  ['policy-vars', async () => (await import('./commands/policy-vars.ts')).runPolicyVars],
  ['idp', async () => (await import('./commands/idp.ts')).runIdpCommand],
  ['standin', async () => (await import('./commands/standin.ts')).runStandin],
  ['bridge', async () => (await import('./commands/bridge.ts')).runBridge],
  [
    'credential-process',
    async () => (await import('./commands/credential-process.ts')).runCredentialProcess,
  ],
  ['configure', async () => (await import('./commands/configure.ts')).runConfigure],
]);

/** argv -> command -> exit code. User errors are one line on stderr, never a stack trace. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS.get(name);
  if (!load) {
    io.stderr(`saml-roles: unknown command "${name}"\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    io.stderr(`saml-roles ${name}: ${describe(error, name)}\n`);
    if (error instanceof CliError) return error.exitCode;
    return isArgumentError(error) ? EXIT.usage : EXIT.failure;
  }
}

function describe(error: unknown, command: string): string {
  if (error instanceof CliError) return error.message;
  if (isArgumentError(error))
    return `${(error as Error).message} (see 'saml-roles ${command} --help')`;
  return error instanceof Error ? error.message : String(error);
}

/** node:util parseArgs throws these for unknown or malformed options. */
function isArgumentError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => {
      if (process.stdin.isTTY)
        throw new CliError('no input: give a FILE, or pipe a SAMLResponse into stdin', EXIT.usage);
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    fetch: nodeFetch,
    now: () => Date.now(),
    untilStopped(stop) {
      const exit = () => void stop().then(() => process.exit(0));
      process.once('SIGINT', exit);
      process.once('SIGTERM', exit);
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
