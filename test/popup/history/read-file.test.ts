import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../../src/core/index.ts';
import { type FileLike, inspectFile } from '../../../src/popup/history/model/read-file.ts';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../../support/saml-fixture.ts';

const NOW = new Date('2030-01-01T00:01:00Z');
const file = (name: string, text: string, size = text.length): FileLike & { reads: number } => {
  const f = {
    name,
    size,
    reads: 0,
    text: async () => {
      f.reads++;
      return text;
    },
  };
  return f;
};
const XML = buildSamlResponse({
  roles: [[roleArn('111111111111', 'Admin'), providerArn('111111111111')]],
});

describe('inspectFile', () => {
  it.each([
    ['base64', toBase64(XML)],
    ['XML', XML],
    ['a form body', `SAMLResponse=${encodeURIComponent(toBase64(XML))}&RelayState=x`],
  ])('reads a SAMLResponse as %s', async (_form, text) => {
    const read = await inspectFile(file('r.txt', text), NOW);
    expect(read.ok && read.inspection.aws.roles.map((r) => r.roleName)).toEqual(['Admin']);
  });

  it('gives the core’s error, prefixed with the file’s name, for a file that is not SAML', async () => {
    const read = await inspectFile(file('notes.txt', 'hello'), NOW);
    expect(read).toEqual({
      ok: false,
      error: expect.stringMatching(/^notes\.txt: cannot decode: \S/),
    });
  });

  it('refuses a file too large to be a SAML response before reading it', async () => {
    const big = file('huge.bin', '', INPUT_LIMITS.maxInputChars * 4 + 1);
    const read = await inspectFile(big, NOW);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(
      /^huge\.bin: \d+ bytes is more than a SAML response can be/,
    );
    expect(big.reads).toBe(0);
  });

  it('says when the file cannot be read at all', async () => {
    const broken: FileLike = {
      name: 'gone.txt',
      size: 3,
      text: () => Promise.reject(new Error('NotFoundError')),
    };
    expect(await inspectFile(broken, NOW)).toEqual({
      ok: false,
      error: 'gone.txt: could not be read: Error: NotFoundError',
    });
  });
});
