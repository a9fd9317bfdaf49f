import { describe, expect, it } from 'vitest';
import { quoteCommand } from '../../../src/cli/configure/quote-command.ts';

describe('the credential_process command line', () => {
  it('leaves plain words bare', () => {
    expect(
      quoteCommand(
        ['/usr/bin/node', 'credential-process', '--role', 'arn:aws:iam::1:role/a/B+=,.@-'],
        'linux',
      ),
    ).toBe('/usr/bin/node credential-process --role arn:aws:iam::1:role/a/B+=,.@-');
  });

  it('quotes words with spaces or quotes for a POSIX shell split (botocore uses shlex)', () => {
    expect(quoteCommand(['/Users/a b/node', "it's"], 'darwin')).toBe(
      `'/Users/a b/node' 'it'\\''s'`,
    );
  });

  it('quotes for Windows with double quotes', () => {
    expect(quoteCommand(['C:\\Program Files\\node.exe', 'a"b'], 'win32')).toBe(
      '"C:\\Program Files\\node.exe" "a\\"b"',
    );
  });
});
