import type { CliIo } from '../../src/cli/io.ts';

/** A CliIo that records output and serves files and stdin from memory. */
export function fakeIo(
  options: { stdin?: string; files?: Record<string, string>; env?: Record<string, string> } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    readFile: (path) => {
      const file = options.files?.[path];
      return file === undefined
        ? Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }))
        : Promise.resolve(file);
    },
    env: options.env ?? {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
