import { realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkProfileTemplate,
  DEFAULT_PROFILE_TEMPLATE,
  profileName,
  type ProfileNameFacts,
} from '../../core/credentials.ts';
import { parseIamArn } from '../../core/inspect.ts';
import { askBridge } from '../bridge/client.ts';
import { bridgeSocketPath } from '../bridge/socket-path.ts';
import { mergeProfiles, type ManagedProfile } from '../configure/merge-profiles.ts';
import { quoteCommand } from '../configure/quote-command.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { readInput } from '../read-input.ts';
import { writePrivateFile } from '../write-private-file.ts';
import { readAssertion } from './credentials-input.ts';

export const CONFIGURE_USAGE = `Usage: saml-roles configure [--profile-template T] [--config-file F] [--roles-from FILE|-]

Writes one [profile NAME] per role with credential_process = saml-roles credential-process
--role ARN, so the AWS CLI and SDKs get fresh keys from the extension.
  --profile-template T  profile names, default ${DEFAULT_PROFILE_TEMPLATE}
                        (placeholders: accountAlias, accountId, roleName, partition, region)
  --config-file F       default $AWS_CONFIG_FILE, else ~/.aws/config
  --roles-from FILE     the roles of a saved SAMLResponse instead of the extension's
Its own sections carry a marker line and are rewritten; every other line of the file is kept, and
a profile name the file already uses for something else is skipped. Before changing the file it
copies it to F.bak (mode 600); a run that changes nothing writes nothing.`;

export async function runConfigure(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'profile-template': { type: 'string' },
      'config-file': { type: 'string' },
      'roles-from': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(`${CONFIGURE_USAGE}\n`);
    return EXIT.ok;
  }
  const template = values['profile-template'] ?? DEFAULT_PROFILE_TEMPLATE;
  try {
    checkProfileTemplate(template);
  } catch (error) {
    throw new CliError(`--profile-template: ${(error as Error).message}`, EXIT.usage);
  }
  const roles =
    values['roles-from'] !== undefined
      ? await rolesFromFile(values['roles-from'], io)
      : await rolesFromExtension(io);
  const entry = process.argv[1] ? realpathSync(process.argv[1]) : 'saml-roles';
  const prefix = process.argv[1] ? [process.execPath, entry] : ['saml-roles'];
  const profiles: ManagedProfile[] = roles.map((role) => ({
    name: profileName(template, role),
    settings: [
      `credential_process = ${quoteCommand([...prefix, 'credential-process', '--role', role.roleArn], process.platform)}`,
    ],
  }));
  const home = io.env.HOME || homedir();
  const given = values['config-file'] ?? io.env.AWS_CONFIG_FILE;
  const file = given ?? join(home, '.aws', 'config');
  if (given === undefined) await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const existing = await io.readFile(file).catch((error: { code?: string }) => {
    if (error.code === 'ENOENT') return '';
    throw new CliError(`${file}: cannot read (${error.code ?? String(error)})`, EXIT.failure);
  });
  const merged = mergeProfiles(existing, profiles);
  for (const name of merged.skipped)
    io.stderr(
      `saml-roles configure: [profile ${name}] is in ${file} and saml-roles did not write it: left as it is (choose other names with --profile-template)\n`,
    );
  if (merged.text === existing) {
    io.stdout(`${file}: up to date (${profiles.length} profiles)\n`);
    return EXIT.ok;
  }
  const label = { option: '--config-file', contents: 'AWS profiles' };
  if (existing !== '') await writePrivateFile(`${file}.bak`, existing, undefined, label);
  await writePrivateFile(file, merged.text, undefined, label);
  io.stdout(
    `${file}: ${profiles.length - merged.skipped.length} profiles written${existing !== '' ? ` (the previous file is in ${file}.bak)` : ''}\n`,
  );
  return EXIT.ok;
}

type Role = ProfileNameFacts & { roleArn: string };

async function rolesFromFile(path: string, io: CliIo): Promise<Role[]> {
  const input = await readInput(path, io);
  return readAssertion(input.text, input.name).aws.roles.map((role) => ({
    roleArn: role.roleArn,
    accountId: role.accountId,
    roleName: role.roleName,
    partition: role.partition,
  }));
}

async function rolesFromExtension(io: CliIo): Promise<Role[]> {
  const socketPath = bridgeSocketPath(io.env);
  const result = await askBridge(socketPath, { type: 'status' }, 10_000);
  if (!result.ok)
    throw new CliError(
      result.failure.kind === 'no-host'
        ? `no bridge host at ${socketPath}: start the browser with the bridge on, or give --roles-from FILE`
        : `the bridge did not answer (${result.failure.kind}); try --roles-from FILE`,
      EXIT.failure,
    );
  const answer = result.answer;
  if (!answer.ok) throw new CliError(`the extension says: ${answer.error.message}`, EXIT.failure);
  if (answer.type !== 'status')
    throw new CliError('the bridge answered a status request with credentials', EXIT.failure);
  const roles: Role[] = [];
  for (const roleArn of answer.status.roleArns) {
    const parsed = parseIamArn(roleArn);
    if (!parsed.ok || parsed.arn.resourceType !== 'role') {
      io.stderr(`saml-roles configure: skipped ${JSON.stringify(roleArn)}: not a role ARN\n`);
      continue;
    }
    roles.push({
      roleArn,
      accountId: parsed.arn.accountId,
      roleName: parsed.arn.name,
      partition: parsed.arn.partition,
    });
  }
  if (roles.length === 0)
    throw new CliError(
      'the extension holds no roles yet: sign in to AWS through your IdP first',
      EXIT.failure,
    );
  return roles;
}
