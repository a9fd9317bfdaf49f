// `npm start [-- --port N --host H --standin-port N ...]`: the demo IdP and the AWS sign-in stand-in
// trusting it, with the extension built first. Both ports are checked before the build (half a
// minute), so a port in use is said at once; the arguments go to the IdP (npm hands them to this
// one script). The demo is the variant whose SCIM mapping removes photos, so the IdP's sync on
// start provisions everyone into the stand-in (`npm run idp -- --demo --with-standin` shows the
// photos refusal instead).
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEFAULT_IDP_HOST, DEFAULT_IDP_PORT, portProblem } from '../src/idp/http/port-check.ts';
import { DEFAULT_STAND_IN_PORT } from '../src/idp/standin/command.ts';

const args = process.argv.slice(2);
// Not strict: every other option is the IdP's to read and refuse.
const { values } = parseArgs({
  args,
  strict: false,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'standin-port': { type: 'string' },
  },
});
const host = typeof values.host === 'string' ? values.host : DEFAULT_IDP_HOST;
const port = typeof values.port === 'string' ? Number(values.port) : DEFAULT_IDP_PORT;
const standInPort =
  typeof values['standin-port'] === 'string'
    ? Number(values['standin-port'])
    : DEFAULT_STAND_IN_PORT;
// The stand-in listens on 127.0.0.1 whatever --host says.
for (const [where, number, option] of [
  [host, port, '--port'],
  ['127.0.0.1', standInPort, '--standin-port'],
] as const) {
  // Port 0 picks a free one, and a malformed port is the IdP's to refuse.
  if (!Number.isInteger(number) || number <= 0 || number > 65535) continue;
  const problem = await portProblem(where, number, option);
  if (problem) {
    console.error(`saml-roles idp: ${problem}`);
    process.exit(2);
  }
}

const build = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const idp = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'src/idp/main.ts',
    '--demo',
    '--scim-photos-removed',
    '--with-standin',
    ...args,
  ],
  {
    stdio: 'inherit',
  },
);
// Ctrl+C reaches the IdP too (same process group); this script waits for it to stop.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => idp.kill('SIGTERM'));
idp.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
