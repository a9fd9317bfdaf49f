import {
  checkExpectations,
  expectationFindings,
  type Expectation,
  type ExpectationCheck,
  type Inspection,
} from '../../core/inspect.ts';
import { expectationSchema } from '../expectations/schema.ts';
import { readYamlFile } from '../expectations/read-yaml-file.ts';
import type { CliIo } from '../io.ts';
import { toJunitXml, type JunitCase } from '../junit.ts';
import {
  checkPrivateFileTarget,
  writePrivateFile,
  type PrivateFileLabel,
} from '../write-private-file.ts';

/** What --expect and --junit ask for; undefined when neither is given. */
export interface ExpectationPlan {
  expectation: Expectation;
  junit?: string;
}

export const JUNIT_FILE: PrivateFileLabel = { option: '--junit', contents: 'reports' };

/**
 * Reads EXPECT.yaml and checks the --junit target before the input, so a broken expectation file
 * or a symbolic link fails fast (exit 2), before anything is printed.
 */
export async function loadExpectationPlan(
  values: { expect?: string | undefined; junit?: string | undefined },
  io: CliIo,
): Promise<ExpectationPlan | undefined> {
  if (values.expect === undefined && values.junit === undefined) return undefined;
  if (values.junit !== undefined) await checkPrivateFileTarget(values.junit, undefined, JUNIT_FILE);
  const expectation =
    values.expect === undefined
      ? {}
      : await readYamlFile(values.expect, '--expect', expectationSchema, io);
  return { expectation, ...(values.junit === undefined ? {} : { junit: values.junit }) };
}

/**
 * Checks the plan's expectations, writes the JUnit file if asked, and returns the inspection with
 * one expectation-failed finding per unmet expectation (first: they are what the user asked).
 */
export async function applyExpectationPlan(
  plan: ExpectationPlan,
  inspection: Inspection,
  suiteName: string,
): Promise<{ inspection: Inspection; passed: boolean }> {
  const checks = checkExpectations(inspection, plan.expectation);
  if (plan.junit !== undefined) await writeJunit(plan.junit, suiteName, checks.map(junitCase));
  const failed = expectationFindings(checks);
  return {
    inspection: { ...inspection, findings: [...failed, ...inspection.findings] },
    passed: failed.length === 0,
  };
}

/** The input could not be decoded: the JUnit file says so as an error, so CI shows why. */
export async function reportUndecodable(
  plan: ExpectationPlan | undefined,
  suiteName: string,
  reason: string,
): Promise<void> {
  if (plan?.junit !== undefined)
    await writeJunit(plan.junit, suiteName, [{ name: 'decode', error: reason }]);
}

export function junitCase(check: ExpectationCheck): JunitCase {
  return check.passed
    ? { name: check.name }
    : { name: check.name, failure: `${check.name}: ${check.message}` };
}

async function writeJunit(path: string, suiteName: string, cases: JunitCase[]): Promise<void> {
  await writePrivateFile(path, toJunitXml([{ name: suiteName, cases }]), undefined, JUNIT_FILE);
}
