import { parseArgs } from 'node:util';
import { inspect, isSamlInputError, toJsonReport, toTextReport } from '../../core/inspect.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { parseNow } from '../parse-now.ts';
import {
  applyExpectationPlan,
  EXPECT_HELP,
  EXPECT_OPTIONS,
  loadExpectationPlan,
  reportUndecodable,
} from './inspect-expect.ts';
import { readInput } from '../read-input.ts';

export const INSPECT_USAGE = `Usage: saml-roles inspect [FILE|-] [--json] [--raw] [--now ISO-8601]
                          [--expect EXPECT.yaml] [--junit FILE]

Decodes a SAML response aimed at AWS (base64, form body, URL, HTML page, XML, HTTP-Redirect,
SOAP) from FILE or stdin, prints its roles by account, session facts and lint findings.
  --json     one JSON object instead of text
  --raw      include the base64 SAMLResponse in --json output (it is a bearer credential)
  --now      check the time window against this instant instead of the clock
${EXPECT_HELP}
Exit: 0 decoded without errors, 1 decoded with error findings (with --expect: an expectation
failed), 2 could not decode.`;

export async function runInspect(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      raw: { type: 'boolean' },
      now: { type: 'string' },
      ...EXPECT_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${INSPECT_USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new CliError(`inspect takes one FILE (or -), got ${positionals.length}`, EXIT.usage);
  const now = values.now === undefined ? new Date() : parseNow(values.now);
  const plan = await loadExpectationPlan(values, io);
  const input = await readInput(positionals[0], io);
  try {
    const inspected = inspect(input.text, { now });
    const checked = plan && (await applyExpectationPlan(plan, inspected, input.name));
    const inspection = checked?.inspection ?? inspected;
    io.stdout(
      values.json
        ? `${JSON.stringify(toJsonReport(inspection, { includeRaw: values.raw ?? false }), null, 2)}\n`
        : toTextReport(inspection),
    );
    if (checked) return checked.passed ? EXIT.ok : EXIT.findings;
    return inspection.findings.some((finding) => finding.severity === 'error')
      ? EXIT.findings
      : EXIT.ok;
  } catch (error) {
    if (isSamlInputError(error)) await reportUndecodable(plan, input.name, error.message);
    if (isSamlInputError(error))
      throw new CliError(`${input.name}: cannot decode: ${error.message}`, EXIT.failure);
    throw error;
  }
}
