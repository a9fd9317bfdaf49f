import { homedir } from 'node:os';
import { join } from 'node:path';

export type Env = Record<string, string | undefined>;

/** `$XDG_DATA_HOME/saml-roles` (default ~/.local/share/saml-roles): launchers and fallbacks. */
export function bridgeDataDir(env: Env): string {
  const home = env.HOME || homedir();
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'saml-roles');
}

/**
 * The directory of the host's socket: `$XDG_RUNTIME_DIR/saml-roles` (per user, on tmpfs, emptied
 * at logout), else `<data dir>/run` where the system has no runtime dir (macOS).
 */
export function bridgeSocketDir(env: Env): string {
  return env.XDG_RUNTIME_DIR
    ? join(env.XDG_RUNTIME_DIR, 'saml-roles')
    : join(bridgeDataDir(env), 'run');
}

/** Where the host listens and credential-process connects. */
export function bridgeSocketPath(env: Env): string {
  if (process.platform === 'win32') return windowsPipeName(env);
  return join(bridgeSocketDir(env), 'bridge.sock');
}

/** A per-user named pipe on Windows (pipes have no directory to protect; see the README). */
function windowsPipeName(env: Env): string {
  const user = (env.USERNAME ?? 'user').replace(/[^A-Za-z0-9_.-]/g, '_');
  return `\\\\.\\pipe\\saml-roles-bridge-${user}`;
}
