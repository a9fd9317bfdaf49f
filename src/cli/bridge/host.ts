// `saml-roles bridge host`: what the browser starts (through the launcher that `bridge install`
// writes) when the extension connects. Browsers speak to a native host only on its stdin and
// stdout, and the host lives exactly as long as the extension's port: so it relays, over a Unix
// socket only this user can reach, between the extension and each `credential-process`.
import { chmod, readFile, unlink } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { BRIDGE_MAX_MESSAGE_BYTES } from '../../core/bridge.ts';
import { claimSocket } from './claim-socket.ts';
import { serveClient } from './client-connection.ts';
import { encodeFrame, FrameReader } from './framing.ts';
import { callerProblem, readCaller } from './host-caller.ts';
import { ensurePrivateDir } from './private-dir.ts';
import { Relay } from './relay.ts';

export interface HostOptions {
  /** The manifest the launcher was written for (`--manifest`). */
  manifestPath: string;
  /** What the browser passed. */
  callerArgs: string[];
  socketPath: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  log(line: string): void;
  /** How long the extension may take to answer one request. */
  timeoutMs?: number;
  /** How often a second host checks whether the socket became free. */
  retryMs?: number;
}

export const DEFAULT_HOST_TIMEOUT_MS = 60_000;
const MAX_PENDING = 64;
const MAX_CLIENTS = 32;

/** Runs until the browser closes stdin; resolves with the exit code. */
export async function runHost(options: HostOptions): Promise<number> {
  const { log, socketPath } = options;
  const manifest = await readFile(options.manifestPath, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  const refused = callerProblem(readCaller(options.callerArgs), options.manifestPath, manifest);
  if (refused) {
    log(`refused: ${refused}`);
    return 1;
  }
  if (process.platform !== 'win32') {
    const dirProblem = await ensurePrivateDir(dirname(socketPath));
    if (dirProblem) {
      log(`cannot listen: ${dirProblem}`);
      return 1;
    }
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_HOST_TIMEOUT_MS;
  const relay = new Relay({
    toBrowser: (request) => options.output.write(encodeFrame(request, BRIDGE_MAX_MESSAGE_BYTES)),
    timeoutMs,
    maxPending: MAX_PENDING,
    log,
  });
  const clients = new Set<Socket>();
  const server = createServer((socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    serveClient(socket, relay, timeoutMs + 5_000);
  });
  server.maxConnections = MAX_CLIENTS;
  let listening = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const claim = async (): Promise<void> => {
    try {
      listening = (await claimSocket(server, socketPath)) === 'listening';
    } catch (error) {
      log(`cannot listen on ${socketPath}: ${(error as Error).message}`);
    }
    if (listening) {
      await chmod(socketPath, 0o600).catch(() => undefined);
      log(`listening on ${socketPath}`);
    } else {
      // Another browser's host serves the socket; this one takes over when that one exits.
      retry = setTimeout(() => void claim(), options.retryMs ?? 2_000);
    }
  };
  await claim();
  if (!listening) log(`another host serves ${socketPath}; waiting for it to exit`);

  const code = await new Promise<number>((resolve) => {
    const reader = new FrameReader(BRIDGE_MAX_MESSAGE_BYTES);
    options.input.on('data', (chunk: Buffer) => {
      for (const event of reader.push(chunk)) {
        if (event.kind === 'message') relay.fromBrowser(event.value);
        else if (event.kind === 'bad-message')
          log(`a message from the extension was refused: ${event.problem}`);
        else {
          // No way to find the next frame: stop, and the extension reconnects.
          log(
            `the extension sent a length of ${event.length} bytes, over ${BRIDGE_MAX_MESSAGE_BYTES}: stopping`,
          );
          resolve(1);
        }
      }
    });
    options.input.on('end', () => resolve(0));
    options.input.on('error', () => resolve(0));
  });
  clearTimeout(retry);
  relay.close('the browser closed the bridge');
  if (listening) {
    await unlink(socketPath).catch(() => undefined);
    for (const socket of clients) socket.end();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return code;
}
