import { parseArgs } from 'node:util';
import {
  checkExpectations,
  expectationFindings,
  visibleText,
  type ExpectationCheck,
} from '../../core/inspect.ts';
import { checksFileSchema } from '../expectations/schema.ts';
import { readYamlFile } from '../expectations/read-yaml-file.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { toJunitXml, type JunitSuite } from '../junit.ts';
import { parseNow } from '../parse-now.ts';
import { checkPrivateFileTarget, writePrivateFile } from '../write-private-file.ts';
import { readIdpConfig } from './idp-config.ts';
import { JUNIT_FILE, junitCase } from './inspect-expect.ts';
import { minterFor, mintInspection, throwAwayKeys } from './idp-minted.ts';

export const IDP_CHECK_USAGE = `  check (--config FILE | --demo) --expect EXPECTS.yaml [--junit FILE] [--now ISO-8601]
      mint each listed user's response for each listed app (in memory, with a throw-away key)
      and check it; EXPECTS.yaml is
        checks:
          - user: alice
            app: aws
            expect: { roles: { exactly: [...] }, sessionName: "...", ... }  # as inspect --expect
      exit 0 all hold, 1 any failed (or a user or app is missing), 2 a file is wrong`;

/** `saml-roles idp check`: the QA loop for mapping changes, with no browser. */
export async function runIdpCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      demo: { type: 'boolean' },
      expect: { type: 'string' },
      junit: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`usage: saml-roles idp\n${IDP_CHECK_USAGE}\n`);
    return EXIT.ok;
  }
  if (values.expect === undefined) throw new CliError('give --expect EXPECTS.yaml', EXIT.usage);
  const now = values.now === undefined ? new Date() : parseNow(values.now);
  const config = readIdpConfig(values);
  if (values.junit !== undefined) await checkPrivateFileTarget(values.junit, undefined, JUNIT_FILE);
  const { checks } = await readYamlFile(values.expect, '--expect', checksFileSchema, io);
  const minter = minterFor(config, await throwAwayKeys());
  const suites: JunitSuite[] = [];
  const lines: string[] = [];
  let failed = 0;
  for (const { user, app, expect } of checks) {
    const name = `${user} @ ${app}`;
    const minted = mintInspection(minter, user, app, now);
    if ('reason' in minted) {
      failed++;
      lines.push(`✖ ${visibleText(name)}: cannot mint: ${visibleText(minted.reason)}`);
      suites.push({ name, cases: [{ name: 'mint', error: minted.reason }] });
      continue;
    }
    const results = checkExpectations(minted.inspection, expect);
    const failures = expectationFindings(results);
    if (failures.length) failed++;
    lines.push(`${failures.length ? '✖' : '✔'} ${visibleText(name)}: ${summary(results)}`);
    for (const failure of failures) lines.push(`    ${visibleText(failure.message)}`);
    suites.push({ name, cases: results.map(junitCase) });
  }
  lines.push(`${checks.length - failed} of ${checks.length} checks passed`);
  io.stdout(`${lines.join('\n')}\n`);
  if (values.junit !== undefined)
    await writePrivateFile(values.junit, toJunitXml(suites), undefined, JUNIT_FILE);
  return failed ? EXIT.findings : EXIT.ok;
}

function summary(results: readonly ExpectationCheck[]): string {
  const passed = results.filter((result) => result.passed).length;
  return `${passed} of ${results.length} expectations hold`;
}
