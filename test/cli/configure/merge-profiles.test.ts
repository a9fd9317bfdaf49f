import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MANAGED_MARKER,
  mergeProfiles,
  type ManagedProfile,
} from '../../../src/cli/configure/merge-profiles.ts';

const profile = (name: string, arn = `arn:aws:iam::111111111111:role/${name}`): ManagedProfile => ({
  name,
  settings: [`credential_process = saml-roles credential-process --role ${arn}`],
});

const USER_FILE = `# my config
[default]
region = eu-west-1

[profile work]
sso_start_url = https://example.awsapps.com/start
`;

describe('configure merges profiles into an AWS config file', () => {
  it("appends its sections after the user's, each with the marker", () => {
    const { text, skipped } = mergeProfiles(USER_FILE, [profile('a-Dev')]);
    expect(skipped).toEqual([]);
    expect(text).toBe(
      `${USER_FILE}\n[profile a-Dev]\n${MANAGED_MARKER}\ncredential_process = saml-roles credential-process --role arn:aws:iam::111111111111:role/a-Dev\n`,
    );
  });

  it('rewrites its own section in place and leaves the rest byte for byte', () => {
    const first = mergeProfiles(USER_FILE, [profile('a-Dev'), profile('b-Ops')]).text;
    const edited = `${first}[profile mine]\nregion = us-east-1\n`;
    const second = mergeProfiles(edited, [
      profile('a-Dev', 'arn:aws:iam::111111111111:role/New'),
      profile('b-Ops'),
    ]);
    expect(second.text).toBe(edited.replace('role/a-Dev\n', 'role/New\n'));
  });

  it('skips a profile whose name the user already uses', () => {
    const { text, skipped } = mergeProfiles(USER_FILE, [profile('work')]);
    expect(skipped).toEqual(['work']);
    expect(text).toBe(USER_FILE);
  });

  it('keeps a file without a final newline, CRLF lines and an empty file as they are', () => {
    expect(mergeProfiles('[default]\nregion = x', []).text).toBe('[default]\nregion = x');
    expect(mergeProfiles('[default]\r\nregion = x\r\n', []).text).toBe(
      '[default]\r\nregion = x\r\n',
    );
    expect(mergeProfiles('', []).text).toBe('');
    expect(mergeProfiles('\n', []).text).toBe('\n');
  });

  // Lines a user's config may hold, including look-alikes of the managed sections.
  const line = fc.oneof(
    fc.constantFrom(
      '',
      '[default]',
      '[profile work]',
      '[profile a-Dev]',
      '  [ profile b-Ops ]  ',
      'region = eu-west-1',
      '# comment',
      MANAGED_MARKER,
      'credential_process = other',
      '\r',
    ),
    fc.string({ maxLength: 20 }).map((text) => text.replace(/\n/g, '')),
  );
  const file = fc
    .array(line, { maxLength: 30 })
    .chain((lines) =>
      fc.boolean().map((newline) => lines.join('\n') + (newline && lines.length > 0 ? '\n' : '')),
    );
  const names = fc.uniqueArray(fc.constantFrom('a-Dev', 'b-Ops', 'work', 'default', 'c'), {
    maxLength: 5,
  });

  it('is idempotent: a second merge changes nothing', () => {
    fc.assert(
      fc.property(file, names, (text, chosen) => {
        const profiles = chosen.map((name) => profile(name));
        const once = mergeProfiles(text, profiles).text;
        expect(mergeProfiles(once, profiles).text).toBe(once);
      }),
    );
  });

  it('never loses a line that is not in one of its own sections', () => {
    fc.assert(
      fc.property(file, names, (text, chosen) => {
        const lines = text.split('\n');
        // Lines of its own sections: from a header followed by the marker up to the next header.
        const foreign: string[] = [];
        let own = false;
        lines.forEach((current, index) => {
          if (/^\s*\[.*\]\s*(?:[#;].*)?\r?$/.test(current))
            own = lines[index + 1]?.replace(/\r$/, '') === MANAGED_MARKER;
          if (!own) foreign.push(current);
        });
        const merged = mergeProfiles(
          text,
          chosen.map((name) => profile(name)),
        ).text.split('\n');
        // Every foreign line is still there, in order.
        let at = 0;
        for (const kept of merged) if (at < foreign.length && kept === foreign[at]) at += 1;
        expect(at).toBe(foreign.length);
      }),
    );
  });
});
