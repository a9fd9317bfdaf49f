import { parseArgs } from 'node:util';
import { MappingError } from '../../idp/mapping/evaluate.ts';
import { ScimSyncError } from '../../idp/scim/errors.ts';
import { scimApplications, syncApplication } from '../../idp/scim/sync-application.ts';
import { summaryLines } from '../../idp/scim/summary.ts';
import { boundedFetch } from '../../idp/http/bounded-fetch.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { NODE_FETCH_LIMITS } from '../node-fetch.ts';
import { unreadableFileMessage } from '../../idp/unreadable-file.ts';
import { readIdpConfig } from './idp-config.ts';

export const IDP_SCIM_SYNC_USAGE = `  scim-sync (--config FILE | --demo) [--app SLUG] [--dry-run] [--scim-url URL] [--scim-token-file F]
                         [--scim-ca-file PEM]
      provision the users and groups of each application with a scim block (or only SLUG) to its
      SCIM server: create and update users, deactivate the ones removed from the config, create
      groups and add or remove members; a second run sends only changes. --dry-run prints the
      writes it would send (token redacted). --scim-url and --scim-token-file win over the
      config's url and tokenEnv/tokenFile. --scim-ca-file trusts one more CA (PEM) for the server's
      certificate, e.g. the stand-in's self-signed standin-tls-cert.pem. Exit 0 synced, 2 a refusal or a bad config`;

/** `saml-roles idp scim-sync`: provisioning from the config, as the running IdP does on start. */
export async function runIdpScimSync(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      app: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'scim-url': { type: 'string' },
      'scim-token-file': { type: 'string' },
      'scim-ca-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`usage: saml-roles idp\n${IDP_SCIM_SYNC_USAGE}\n`);
    return EXIT.ok;
  }
  const config = readIdpConfig(values);
  const withScim = scimApplications(config);
  const apps = values.app === undefined ? withScim : withScim.filter((a) => a.slug === values.app);
  if (apps.length === 0)
    throw new CliError(
      values.app === undefined
        ? `no application in ${config.source} has a scim block`
        : `no application "${values.app}" with a scim block in ${config.source} (with one: ${withScim.map((a) => a.slug).join(', ') || 'none'})`,
      EXIT.usage,
    );
  if (
    apps.length > 1 &&
    (values['scim-url'] !== undefined || values['scim-token-file'] !== undefined)
  )
    throw new CliError(
      '--scim-url and --scim-token-file name one server: give --app SLUG too',
      EXIT.usage,
    );
  const dryRun = values['dry-run'] ?? false;
  const caFile = values['scim-ca-file'];
  const fetch =
    caFile === undefined
      ? io.fetch
      : boundedFetch({ ...NODE_FETCH_LIMITS, ca: await readCaFile(caFile, io) });
  for (const app of apps) {
    try {
      const summary = await syncApplication(config, app, {
        fetch,
        env: io.env,
        dryRun,
        print: (text) => io.stdout(`${text}\n`),
        ...(values['scim-url'] !== undefined ? { url: values['scim-url'] } : {}),
        ...(values['scim-token-file'] !== undefined
          ? { tokenFile: values['scim-token-file'] }
          : {}),
      });
      io.stdout(`${summaryLines(app.slug, summary, dryRun).join('\n')}\n`);
    } catch (error) {
      if (error instanceof ScimSyncError || error instanceof MappingError)
        throw new CliError(`${app.slug}: ${error.message}`);
      throw error;
    }
  }
  return EXIT.ok;
}

/** The CA to trust, checked to be a PEM certificate so a wrong file is named, not a TLS error. */
async function readCaFile(path: string, io: CliIo): Promise<string> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new CliError(`--scim-ca-file: ${unreadableFileMessage(path, error)}`, EXIT.usage);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new CliError(`--scim-ca-file: ${path} holds no PEM certificate`, EXIT.usage);
  return text;
}
