// The README's shell examples, read with the marker above each block (see the README's "The
// README's examples are tests"): what the README test runs, starts or leaves alone.

export type Marker =
  { kind: 'run' } | { kind: 'server'; url: string } | { kind: 'skip'; reason: string };

export interface Command {
  /** 1-based line in the README, for the failure message. */
  line: number;
  text: string;
  /** 0 unless the line's comment says `# exit N`. */
  expectedExit: number;
}

export interface Example {
  line: number;
  marker: Marker;
  commands: Command[];
}

const SHELL_FENCE = /^```(?:sh|bash|shell)\s*$/;
const MARKER = /^<!--\s*readme-test:\s*(.*?)\s*-->$/;

export class ReadmeExampleError extends Error {
  override readonly name = 'ReadmeExampleError';
}

function parseMarker(text: string, line: number): Marker {
  if (text === 'run') return { kind: 'run' };
  const server = /^server\s+(https?:\/\/\S+)$/.exec(text);
  if (server) return { kind: 'server', url: server[1]! };
  const skip = /^skip\s+\((.+)\)$/.exec(text);
  if (skip) return { kind: 'skip', reason: skip[1]! };
  throw new ReadmeExampleError(
    `README.md:${line}: "readme-test: ${text}" is not a marker (run, server URL, or skip (reason))`,
  );
}

/** Every ```sh/```bash/```shell block with its marker; throws on a block without one. */
export function readmeExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SHELL_FENCE.test(lines[i]!)) continue;
    let above = i - 1;
    while (above >= 0 && lines[above]!.trim() === '') above--;
    const found = above >= 0 ? MARKER.exec(lines[above]!.trim()) : null;
    if (!found)
      throw new ReadmeExampleError(
        `README.md:${i + 1}: a shell block without a <!-- readme-test: run | server URL | skip (reason) --> line above it`,
      );
    const marker = parseMarker(found[1]!, above + 1);
    const commands: Command[] = [];
    let end = i + 1;
    for (; end < lines.length && !lines[end]!.startsWith('```'); end++) {
      const text = lines[end]!;
      if (text.trim() === '' || text.trim().startsWith('#')) continue;
      if (text.trimEnd().endsWith('\\'))
        throw new ReadmeExampleError(
          `README.md:${end + 1}: one command per line (no \\ continuation)`,
        );
      const exit = /#\s*exit (\d+)\b/.exec(text);
      commands.push({ line: end + 1, text, expectedExit: exit ? Number(exit[1]) : 0 });
    }
    if (end === lines.length)
      throw new ReadmeExampleError(`README.md:${i + 1}: the shell block is never closed`);
    if (marker.kind === 'server' && commands.length !== 1)
      throw new ReadmeExampleError(
        `README.md:${i + 1}: a server block holds exactly one command (it has ${commands.length})`,
      );
    examples.push({ line: i + 1, marker, commands });
    i = end;
  }
  return examples;
}
