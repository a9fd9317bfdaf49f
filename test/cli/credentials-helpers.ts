import { createCredentialsCommand, runCredentials } from '../../src/cli/commands/credentials.ts';
import { CliError, EXIT, type CliIo } from '../../src/cli/io.ts';
import type { FetchLike } from '../../src/core/sts/types.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `credentials` as main.ts does: a CliError becomes one stderr line and its exit code. Without
 * a fetch it runs the command main.ts uses, with Node's fetch.
 */
export async function runCredentialsCli(
  args: string[],
  options: {
    stdin?: string;
    env?: Record<string, string>;
    fetch?: FetchLike;
    files?: Record<string, string>;
  },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    readFile: (path) =>
      options.files?.[path] !== undefined
        ? Promise.resolve(options.files[path])
        : Promise.reject(Object.assign(new Error(path), { code: 'ENOENT' })),
    env: options.env ?? {},
  };
  try {
    const command = options.fetch
      ? createCredentialsCommand({ fetch: options.fetch })
      : runCredentials;
    const code = await command(args, io);
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError) {
      stderr += `saml-roles credentials: ${error.message}\n`;
      return { code: error.exitCode, stdout, stderr };
    }
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      stderr += `saml-roles credentials: ${(error as Error).message}\n`;
      return { code: EXIT.usage, stdout, stderr };
    }
    throw error;
  }
}
