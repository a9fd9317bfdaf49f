/**
 * One command line for `credential_process`. botocore splits it like a POSIX shell (shlex) on
 * Linux and macOS, and by the C runtime's rules on Windows; each word is quoted when needed.
 */
export function quoteCommand(words: readonly string[], platform: NodeJS.Platform): string {
  return words.map((word) => quoteWord(word, platform)).join(' ');
}

function quoteWord(word: string, platform: NodeJS.Platform): string {
  if (/^[A-Za-z0-9_./:=@+,-]+$/.test(word)) return word;
  if (platform === 'win32')
    return `"${word.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
