import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toJunitXml } from '../../src/cli/junit.ts';
import {
  buildSamlResponse,
  providerArn,
  roleArn,
  toBase64,
  type FixtureOptions,
} from '../support/saml-fixture.ts';
import { runMain } from './fake-io.ts';

const NOW = ['--now', '2026-01-01T00:30:00Z'];
const ADMIN = roleArn('111111111111', 'Admin');
const TEAM = roleArn('222233334444', 'team/dev/Read');
const response = (options: FixtureOptions = {}) =>
  toBase64(
    buildSamlResponse({
      roles: [
        [ADMIN, providerArn('111111111111')],
        [TEAM, providerArn('222233334444')],
      ],
      sessionDuration: '3600',
      ...options,
    }),
  );

// The example from issue 14, as a user would write it.
const EXAMPLE = `roles:
  exactly: [arn:aws:iam::111111111111:role/Admin, "arn:aws:iam::2222*:role/team/*"]  # or atLeast / atMost
sessionName: "*@example.com"
attributes:
  https://aws.amazon.com/SAML/Attributes/SessionDuration: ["3600"]
findings: { errors: 0 }
`;

const inspectWith = (expectYaml: string, options: FixtureOptions = {}, extra: string[] = []) =>
  runMain(['inspect', 'r', '--expect', 'e.yaml', ...NOW, ...extra], {
    files: { r: response(options), 'e.yaml': expectYaml },
  });

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'saml-roles-junit-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('saml-roles inspect --expect', () => {
  it('exit 0 when the example from the issue holds', async () => {
    const result = await inspectWith(EXAMPLE);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Findings: 0 error');
  });

  it('each unmet expectation is an error finding, expectation-failed, saying what was expected and what came', async () => {
    const result = await inspectWith(EXAMPLE, {
      sessionName: 'bob@evil.com',
      sessionDuration: '7200',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Findings: 2 error');
    expect(result.stdout).toContain(
      '✖ error expectation-failed: sessionName: expected a session name matching "*@example.com"; came "bob@evil.com".',
    );
    expect(result.stdout).toContain(
      'expectation-failed: attributes["https://aws.amazon.com/SAML/Attributes/SessionDuration"]: expected ["3600"]; came ["7200"].',
    );
    const json = await inspectWith(EXAMPLE, { sessionName: 'bob@evil.com' }, ['--json']);
    const report = JSON.parse(json.stdout) as { findings: { code: string; severity: string }[] };
    expect(report.findings[0]).toMatchObject({ code: 'expectation-failed', severity: 'error' });
  });

  it('the file decides the exit code: lint errors it allows pass', async () => {
    const unsigned = { signature: 'none' } as const;
    expect((await inspectWith('findings: { errors: 1 }\n', unsigned)).code).toBe(0);
    expect((await inspectWith('sessionName: "*"\n', unsigned)).code).toBe(1);
    expect(
      (await inspectWith('findings: { signature-missing: 0, errors: 5 }\n', unsigned)).code,
    ).toBe(1);
  });

  it('refuses a broken expectation file with exit 2, naming the line and the path of each problem', async () => {
    const result = await inspectWith(
      'roles:\n  exactly: [arn:aws:iam::1:role/A, 5]\n  atMost: []\nsesionName: x\nfindings: { erors: 0 }\nattributes:\n  groups: dev\n',
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('saml-roles inspect: --expect e.yaml: 4 problems:');
    expect(result.stderr).toContain(
      'line 2: roles.exactly[1]: expected a string, got number 5 (quote numbers',
    );
    expect(result.stderr).toContain(
      'line 4: sesionName: unknown key (allowed: roles, sessionName, attributes, findings)',
    );
    expect(result.stderr).toContain(
      'line 5: findings.erors: "erors" is neither errors, warnings, infos nor a finding code',
    );
    expect(result.stderr).toContain('line 7: attributes.groups: expected a list of values');
  });

  it('keeps an attribute named __proto__ as an expectation, not as a prototype', async () => {
    const result = await inspectWith('attributes:\n  __proto__: ["x"]\nfindings: {}\n');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('attributes["__proto__"]: expected ["x"]; came none.');
  });

  it('roles take exactly, or atLeast and/or atMost', async () => {
    const both = await inspectWith('roles: { exactly: [a], atMost: [b] }\n');
    expect(both.stderr).toContain(
      'line 1: roles: give exactly, or atLeast and/or atMost, not both',
    );
    const none = await inspectWith('roles: {}\n');
    expect(none.stderr).toContain('line 1: roles: give exactly, atLeast or atMost');
    const notMapping = await inspectWith('roles: [a]\n');
    expect(notMapping.stderr).toContain(
      'line 1: roles: expected a mapping with exactly, atLeast, atMost, got a list',
    );
  });

  it('refuses invalid YAML and a missing file with exit 2', async () => {
    const broken = await inspectWith('roles: [\n');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/--expect e\.yaml: line \d+: not valid YAML/);
    const missing = await runMain(['inspect', 'r', '--expect', 'nope.yaml'], {
      files: { r: response() },
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^saml-roles inspect: --expect: no such file: \S*nope\.yaml\n$/);
  });
});

describe('saml-roles inspect --junit', () => {
  it('writes one suite per input and one case per expectation, failures with messages, mode 0600', async () => {
    const file = join(dir, 'report.xml');
    const result = await inspectWith(EXAMPLE, { sessionName: 'bob@evil.com' }, ['--junit', file]);
    expect(result.code).toBe(1);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const xml = await fs.readFile(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const document = new DOMParser().parseFromString(xml, 'text/xml');
    const suites = document.getElementsByTagName('testsuite');
    expect(suites.length).toBe(1);
    expect(suites[0]!.getAttribute('name')).toBe('r');
    expect(suites[0]!.getAttribute('tests')).toBe('4');
    expect(suites[0]!.getAttribute('failures')).toBe('1');
    const cases = Array.from(document.getElementsByTagName('testcase'));
    expect(cases.map((c) => c.getAttribute('name'))).toEqual([
      'roles.exactly',
      'sessionName',
      'attributes["https://aws.amazon.com/SAML/Attributes/SessionDuration"]',
      'findings.errors',
    ]);
    const failure = cases[1]!.getElementsByTagName('failure')[0]!;
    expect(failure.getAttribute('message')).toBe(
      'sessionName: expected a session name matching "*@example.com"; came "bob@evil.com"',
    );
  });

  it('without --expect, the one case is "no error findings"', async () => {
    const file = join(dir, 'report.xml');
    const result = await runMain(['inspect', 'r', '--junit', file, ...NOW], {
      files: { r: response({ signature: 'none' }) },
    });
    expect(result.code).toBe(1);
    const xml = await fs.readFile(file, 'utf8');
    expect(xml).toContain('name="findings.errors"');
    expect(xml).toContain('signature-missing');
  });

  it('an input that cannot be decoded is an error case in the report, and exit 2', async () => {
    const file = join(dir, 'report.xml');
    const result = await runMain(['inspect', 'r', '--junit', file], {
      files: { r: 'garbage' },
    });
    expect(result.code).toBe(2);
    const xml = await fs.readFile(file, 'utf8');
    expect(xml).toMatch(/<testcase classname="r" name="decode">\n\s+<error message="[^"]+">/);
  });

  it('refuses to write through a symbolic link', async () => {
    const target = join(dir, 'target');
    await fs.writeFile(target, 'keep');
    await fs.symlink(target, join(dir, 'link'));
    const result = await inspectWith(EXAMPLE, {}, ['--junit', join(dir, 'link')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('is a symbolic link; reports are not written through links');
    expect(await fs.readFile(target, 'utf8')).toBe('keep');
  });
});

describe('toJunitXml', () => {
  const HOSTILE = 'a]]>b <c> & "d" \'e\'\u0001\u0000\u001b[31m\ud800\uffff\ttab\nline\r\n';

  it('escapes hostile names and messages into well-formed XML that reads back', () => {
    const xml = toJunitXml([
      { name: HOSTILE, cases: [{ name: HOSTILE, failure: HOSTILE }, { name: 'ok' }] },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800\uffff]/);
    expect(xml).not.toContain(']]>');
    const document = new DOMParser().parseFromString(xml, 'text/xml');
    const visible = 'a]]>b <c> & "d" \'e\'\\u0001\\u0000\\u001b[31m\\ud800\\uffff\ttab\nline\r\n';
    const testCase = document.getElementsByTagName('testcase')[0]!;
    expect(testCase.getAttribute('name')).toBe(visible);
    expect(document.getElementsByTagName('testsuite')[0]!.getAttribute('name')).toBe(visible);
    const failure = testCase.getElementsByTagName('failure')[0]!;
    expect(failure.getAttribute('message')).toBe(visible);
    expect(failure.textContent).toBe(visible);
  });

  it('counts tests, failures and errors', () => {
    const xml = toJunitXml([
      { name: 's1', cases: [{ name: 'a', failure: 'x' }, { name: 'b' }] },
      { name: 's2', cases: [{ name: 'c', error: 'y' }] },
    ]);
    expect(xml).toContain('<testsuites name="saml-roles" tests="3" failures="1" errors="1">');
  });
});
