// `npm run bench -- cli`: cold starts of the CLI as installed (npm pack, npm install -g into a
// temporary prefix, see test/support/packed-cli.ts) beside bare `node -e 0`, interleaved in the
// same run so load hits each alike. credential_process runs the CLI for every AWS call: it is
// measured against a fake bridge host (a plain node process on the socket) that answers at once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { installPackedCli, REPO } from '../test/support/packed-cli.ts';
import { buildSamlResponse, toBase64 } from '../test/support/saml-fixture.ts';
import { median, round, type BenchRow } from './stats.ts';

const RUNS = 21;
/** The clone's bin runs TypeScript through tsx: measured a few times, for comparison. */
const TSX_RUNS = 5;

/** Wall time of one run of `command args`, in ms; throws unless it exits as expected. */
function coldStart(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const child = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (child.status !== 0)
    throw new Error(`${command} ${args.join(' ')}: exit ${child.status}: ${String(child.stderr)}`);
  return ms;
}

/**
 * A bridge host stand-in in its own process (spawnSync blocks this one): it answers every framed
 * request on the socket with fixed credentials, so the bench times credential-process alone.
 */
const FAKE_HOST = `
const net = require('node:net');
const credentials = { accessKeyId: 'ASIABENCH', secretAccessKey: 'bench', sessionToken: 'bench',
  expiration: '2030-01-01T00:00:00Z' };
net.createServer((socket) => {
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    if (buffered.length < 4 || buffered.length < 4 + buffered.readUInt32LE(0)) return;
    const request = JSON.parse(buffered.subarray(4, 4 + buffered.readUInt32LE(0)).toString());
    const body = Buffer.from(JSON.stringify({ v: 1, id: request.id, ok: true, type: 'credentials', credentials }));
    const header = Buffer.alloc(4);
    header.writeUInt32LE(body.length);
    socket.end(Buffer.concat([header, body]));
  });
}).listen(process.argv[1], () => process.stdout.write('up'));
`;

async function startFakeHost(socketPath: string): Promise<ChildProcess> {
  const host = spawn(process.execPath, ['-e', FAKE_HOST, socketPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => host.stdout!.once('data', resolve));
  return host;
}

export async function runCliBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saml-roles-bench-cli-'));
  let host: ChildProcess | undefined;
  try {
    const cli = installPackedCli(dir);
    const response = join(dir, 'response.txt');
    writeFileSync(response, toBase64(buildSamlResponse()));
    // The bin's `#!/usr/bin/env node` finds the same node as the baseline.
    const runtimeDir = join(dir, 'run');
    mkdirSync(join(runtimeDir, 'saml-roles'), { recursive: true, mode: 0o700 });
    host = await startFakeHost(join(runtimeDir, 'saml-roles', 'bridge.sock'));
    const env = {
      ...process.env,
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
      XDG_RUNTIME_DIR: runtimeDir,
    };
    const cases: Record<string, { command: string; args: string[]; runs: number }> = {
      node: { command: process.execPath, args: ['-e', '0'], runs: RUNS },
      version: { command: cli.bin, args: ['--version'], runs: RUNS },
      inspect: {
        command: cli.bin,
        args: ['inspect', response, '--now', '2026-01-01T00:30:00Z'],
        runs: RUNS,
      },
      credentialProcess: {
        command: cli.bin,
        args: ['credential-process', '--role', 'arn:aws:iam::111111111111:role/Bench'],
        runs: RUNS,
      },
      tsxVersion: {
        command: process.execPath,
        args: [join(REPO, 'bin', 'saml-roles.js'), '--version'],
        runs: TSX_RUNS,
      },
    };
    const samples: Record<string, number[]> = {};
    for (const [name, { command, args }] of Object.entries(cases)) {
      coldStart(command, args, env); // warm the file cache
      samples[name] = [];
    }
    for (let run = 0; run < RUNS; run++)
      for (const [name, { command, args, runs }] of Object.entries(cases))
        if (run < runs) samples[name]!.push(coldStart(command, args, env));
    const nodeMs = median(samples.node!);
    const row = (name: string, key: string): BenchRow => ({
      name,
      medianMs: round(median(samples[key]!), 1),
      ratioToNode: round(median(samples[key]!) / nodeMs, 2),
      nodeMedianMs: round(nodeMs, 1),
      runs: samples[key]!.length,
    });
    return [
      { name: 'cli-node-baseline', medianMs: round(nodeMs, 1), runs: samples.node!.length },
      row('cli-version', 'version'),
      row('cli-inspect', 'inspect'),
      row('cli-credential-process', 'credentialProcess'),
      row('cli-tsx-version', 'tsxVersion'),
    ];
  } finally {
    host?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
