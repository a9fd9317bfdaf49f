// `saml-roles credential-process`: the AWS CLI and SDKs run it for every call that needs keys, so
// it loads only the socket client and the bridge's reader (see main.ts's lazy table).
import { parseArgs } from 'node:util';
import type { BridgeResponse } from '../../core/bridge.ts';
import { escapeUnshowable, formatCredentialProcess } from '../../core/credentials.ts';
import { askBridge, type AskFailure } from '../bridge/client.ts';
import { CREDENTIAL_PROCESS_EXIT as EXIT } from '../bridge/exit-codes.ts';
import { bridgeSocketPath } from '../bridge/socket-path.ts';
import { CliError, type CliIo } from '../io.ts';

export const CREDENTIAL_PROCESS_USAGE = `Usage: saml-roles credential-process --role ARN [--duration S] [--region R] [--timeout S]

Prints credential_process JSON (Version 1, with Expiration) for the role, from the extension
through the bridge ('saml-roles bridge install', then turn the bridge on in the options).
  --role ARN      the role; one of the extension's captures must hold it
  --duration S    session length, 900..43200 s
  --region R      STS in this region
  --timeout S     how long to wait for the extension (default 90; a re-sign-in takes a while)
Exit: 0 printed; 2 usage; 10 browser or host not running; 11 bridge off; 12 no capture holds the
role; 13 the IdP needs you (sign in at the URL shown); 14 STS refused; 15 timeout; 16 bad answer;
17 host busy.`;

const DEFAULT_TIMEOUT_S = 90;

function parse(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      duration: { type: 'string' },
      region: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

function wholeNumber(option: string, text: string | undefined, min: number, max: number) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new CliError(`${option} ${text}: give a whole number from ${min} to ${max}`, EXIT.usage);
  return value;
}

export async function runCredentialProcess(args: string[], io: CliIo): Promise<number> {
  const values = parse(args);
  if (values.help) {
    io.stdout(`${CREDENTIAL_PROCESS_USAGE}\n`);
    return EXIT.ok;
  }
  if (!values.role) throw new CliError('--role ARN is required', EXIT.usage);
  const duration = wholeNumber('--duration', values.duration, 900, 43200);
  const timeoutS = wholeNumber('--timeout', values.timeout, 1, 3600) ?? DEFAULT_TIMEOUT_S;
  const socketPath = bridgeSocketPath(io.env);
  const result = await askBridge(
    socketPath,
    {
      type: 'credentials',
      roleArn: values.role,
      ...(duration !== undefined && { durationSeconds: duration }),
      ...(values.region !== undefined && { region: values.region }),
    },
    timeoutS * 1000,
  );
  if (!result.ok) throw askFailure(result.failure, socketPath, timeoutS);
  const answer = result.answer;
  if (!answer.ok) throw refusal(answer);
  if (answer.type !== 'credentials')
    throw new CliError('the bridge answered with a status, not credentials', EXIT.badAnswer);
  io.stdout(formatCredentialProcess(answer.credentials));
  return EXIT.ok;
}

function askFailure(failure: AskFailure, socketPath: string, timeoutS: number): CliError {
  if (failure.kind === 'no-host')
    return new CliError(
      `no bridge host at ${socketPath} (${failure.detail}): start the browser with the extension, turn the bridge on in its options, and check 'saml-roles bridge status'`,
      EXIT.noHost,
    );
  if (failure.kind === 'timeout')
    return new CliError(`no answer from the extension within ${timeoutS} s`, EXIT.timeout);
  return new CliError(`the bridge gave a bad answer: ${failure.detail}`, EXIT.badAnswer);
}

function refusal(answer: Extract<BridgeResponse, { ok: false }>): CliError {
  const { code, message, signInUrl } = answer.error;
  // The extension's words, on one line: it is a terminal the message lands on.
  const said = escapeUnshowable(message);
  switch (code) {
    case 'bridge-off':
      return new CliError(`the bridge is off in the extension's options: ${said}`, EXIT.bridgeOff);
    case 'no-capture':
      return new CliError(`no capture holds the role: ${said}`, EXIT.noCapture);
    case 'idp-needs-user': {
      const url = signInUrl === undefined ? undefined : escapeUnshowable(signInUrl);
      return new CliError(url ? `sign in at ${url} (${said})` : said, EXIT.idpNeedsUser);
    }
    case 'sts-refused':
      return new CliError(`STS refused: ${said}`, EXIT.stsRefused);
    case 'timeout':
      return new CliError(said, EXIT.timeout);
    case 'host-busy':
      return new CliError(said, EXIT.hostBusy);
    case 'bad-request':
      return new CliError(`the extension refused the request: ${said}`, EXIT.badAnswer);
  }
}
