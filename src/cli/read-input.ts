import { unreadableFileMessage } from '../idp/unreadable-file.ts';
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
    throw new CliError(unreadableFileMessage(file, error), EXIT.failure);
  }
}
