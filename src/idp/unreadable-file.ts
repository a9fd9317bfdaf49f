import { resolve } from 'node:path';

/**
 * One line naming why a file the user named could not be read, by its absolute path (so a
 * relative path is found whatever the working directory was): "no such file: /home/me/idp.yaml".
 * Shared by the IdP and the CLI, so every command says it the same way.
 */
export function unreadableFileMessage(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const absolute = resolve(path);
  switch (code) {
    case 'ENOENT':
      return `no such file: ${absolute}`;
    case 'EISDIR':
      return `is a directory, not a file: ${absolute}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${absolute}`;
    default:
      return `cannot read ${absolute}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}
