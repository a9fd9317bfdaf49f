import { CliError, EXIT, type CliIo } from './io.ts';

/** Reads FILE, or stdin for '-' / no argument; `name` is what error messages call it. */
export async function readInput(
  file: string | undefined,
  io: CliIo,
): Promise<{ text: string; name: string }> {
  if (file === undefined || file === '-') return { text: await io.readStdin(), name: 'stdin' };
  try {
    return { text: await io.readFile(file), name: file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : 'cannot be read';
    throw new CliError(`${file}: ${reason}`, EXIT.failure);
  }
}
