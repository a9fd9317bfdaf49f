import { parseArgs } from 'node:util';
import { IdpConfigError } from '../../idp/config/errors.ts';
import { hostResolverRules } from '../../idp/standin/aws-hosts.ts';
import {
  DEFAULT_STAND_IN_PORT,
  defaultStandInDataDir,
  readScimTokenFile,
  StandInInputError,
  startStandInCommand,
} from '../../idp/standin/command.ts';
import { StandInCertificateError } from '../../idp/standin/tls.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';

/** The environment variable a SCIM token may come from (a file is better: it stays out of `ps`). */
export const SCIM_TOKEN_ENV = 'SAML_ROLES_STANDIN_SCIM_TOKEN';

const USAGE = `usage: saml-roles standin [--port N] [--trust METADATA.xml ...] [--roles ROLES.yaml] [--data-dir DIR]
                          [--scim | --scim-token-file FILE]
  Serves a local stand-in for AWS sign-in and STS over HTTPS on 127.0.0.1 (port ${DEFAULT_STAND_IN_PORT} unless
  given; 0 picks a free one). It judges each SAML response as AWS documents it and says why it
  refuses one.
  --trust FILE     IdP metadata XML to trust, as uploaded to IAM (repeatable)
  --roles FILE     ROLES.yaml: each role's maxSessionDuration and trustPolicy / trustPolicyFile;
                   roles not listed get IAM's defaults (1 hour, the console's SAML trust policy)
  --data-dir DIR   where its self-signed certificate is kept (default ${defaultStandInDataDir({})}
                   or $SAML_ROLES_STANDIN_DATA_DIR)
  --scim           also serve an IAM Identity Center SCIM stand-in at /scim/v2 with a new bearer
                   token, printed once; Identity Center sign-in then needs a provisioned user
  --scim-token-file FILE
                   the same with the token in FILE (or in $${SCIM_TOKEN_ENV}); it is not printed
Browsers reach it by mapping the AWS hosts to it; npm run playground does that for you.`;

/** What the start-up message says about SCIM; the token only when the stand-in made it. */
function scimLines(scim: { url: string; generatedToken?: string } | undefined): string {
  if (!scim)
    return "  SCIM: off (--scim to serve Identity Center's SCIM API; Identity Center sign-in takes any NameID)\n";
  const token = scim.generatedToken
    ? `  SCIM bearer token (made now, shown only this once): ${scim.generatedToken}\n`
    : '  SCIM bearer token: the one you gave\n';
  return `  SCIM: ${scim.url} (provisioned users and groups listed at /scim; Identity Center
        sign-in needs a provisioned, active userName as its NameID)
${token}`;
}

/** `saml-roles standin`: starts the stand-in and keeps it running until stopped. */
export async function runStandin(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      trust: { type: 'string', multiple: true },
      roles: { type: 'string' },
      'data-dir': { type: 'string' },
      scim: { type: 'boolean' },
      'scim-token-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const portText = values.port ?? String(DEFAULT_STAND_IN_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new CliError(`--port "${portText}" is not a port number (0-65535)`, EXIT.usage);
  if (!io.untilStopped) throw new CliError('the stand-in needs a process to keep running in');
  let running;
  try {
    const tokenFromEnv = io.env[SCIM_TOKEN_ENV]?.trim();
    const token = values['scim-token-file']
      ? await readScimTokenFile(values['scim-token-file'])
      : tokenFromEnv || undefined;
    const scim = values.scim || token !== undefined ? { scim: token ? { token } : {} } : {};
    running = await startStandInCommand({
      port,
      trust: (values.trust ?? []).map((path) => ({ path })),
      ...(values.roles ? { rolesFile: values.roles } : {}),
      dataDir: values['data-dir'] ?? defaultStandInDataDir(io.env),
      ...scim,
    });
  } catch (error) {
    if (
      error instanceof StandInInputError ||
      error instanceof IdpConfigError ||
      error instanceof StandInCertificateError
    )
      throw new CliError(error.message);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new CliError(`port ${port} on 127.0.0.1 is in use; pick another with --port`);
    if ((error as NodeJS.ErrnoException).code === 'EACCES')
      throw new CliError(`port ${port} needs privileges; pick one above 1023 with --port`);
    throw error;
  }
  io.untilStopped(running.close);
  const trusted = running.trusted.length
    ? running.trusted.map((idp) => `    ${idp.entityId}`).join('\n')
    : '    (none: every response is refused until --trust names its IdP)';
  io.stdout(`AWS sign-in test stand-in (saml-roles; not AWS) is running at ${running.url}
  certificate SHA-256 fingerprint: ${running.fingerprint}
  trusted IdPs:
${trusted}
  roles: ${running.roleCount} configured; any other gets IAM's defaults
  answers: POST /saml (global, regional, GovCloud and China sign-in hosts), STS
           AssumeRoleWithSAML at /, and /federation
${scimLines(running.scim)}
To send a browser's AWS sign-in here, map the AWS hosts to it, e.g. Chromium with a fresh profile:
  chromium --user-data-dir="$(mktemp -d)" \\
    --host-resolver-rules="${hostResolverRules(running.hostPort)}" \\
    --ignore-certificate-errors-spki-list=${running.spkiHash}
or run 'npm run playground', which also loads the extension. Press Ctrl+C to stop.
`);
  return EXIT.ok;
}
