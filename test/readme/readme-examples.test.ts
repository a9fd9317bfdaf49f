import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeExamples } from './readme-examples.ts';

const block = (marker: string, ...lines: string[]) =>
  `Text.\n\n${marker}\n\n\`\`\`sh\n${lines.join('\n')}\n\`\`\`\n`;

describe('readmeExamples', () => {
  it('reads each marker and each command with the exit code its comment names', () => {
    const markdown = [
      block(
        '<!-- readme-test: run -->',
        'a --x   # what it does',
        '',
        '# a comment',
        'b  # exit 1: why',
      ),
      block('<!-- readme-test: server http://127.0.0.1:7100/metadata -->', 'serve --port 7100'),
      block('<!-- readme-test: skip (calls AWS STS) -->', 'aws sts get-caller-identity'),
      '```yaml\nnot: shell\n```\n',
    ].join('\n');
    expect(readmeExamples(markdown)).toEqual([
      {
        line: 5,
        marker: { kind: 'run' },
        commands: [
          { line: 6, text: 'a --x   # what it does', expectedExit: 0 },
          { line: 9, text: 'b  # exit 1: why', expectedExit: 1 },
        ],
      },
      {
        line: 16,
        marker: { kind: 'server', url: 'http://127.0.0.1:7100/metadata' },
        commands: [{ line: 17, text: 'serve --port 7100', expectedExit: 0 }],
      },
      {
        line: 24,
        marker: { kind: 'skip', reason: 'calls AWS STS' },
        commands: [{ line: 25, text: 'aws sts get-caller-identity', expectedExit: 0 }],
      },
    ]);
  });

  it('refuses a block without a marker, a marker it does not know, and a skip without a reason', () => {
    expect(() => readmeExamples('Run this:\n\n```bash\nls\n```\n')).toThrow(
      'README.md:3: a shell block without a <!-- readme-test: run | server URL | skip (reason) --> line above it',
    );
    expect(() => readmeExamples(block('<!-- readme-test: runn -->', 'ls'))).toThrow(
      'README.md:3: "readme-test: runn" is not a marker',
    );
    expect(() => readmeExamples(block('<!-- readme-test: skip -->', 'ls'))).toThrow(
      'is not a marker',
    );
  });

  it('refuses a server block of several commands, a continued line and an unclosed block', () => {
    expect(() =>
      readmeExamples(block('<!-- readme-test: server http://127.0.0.1:1/ -->', 'a', 'b')),
    ).toThrow('a server block holds exactly one command (it has 2)');
    expect(() => readmeExamples(block('<!-- readme-test: run -->', 'a \\', '  --b'))).toThrow(
      'README.md:6: one command per line',
    );
    expect(() => readmeExamples('<!-- readme-test: run -->\n```sh\nls\n')).toThrow('never closed');
  });

  it('finds every shell block of the README marked', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = readmeExamples(readme);
    expect(examples.filter((example) => example.marker.kind !== 'skip').length).toBeGreaterThan(2);
  });
});
