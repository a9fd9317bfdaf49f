import { parseArgs } from 'node:util';
import { inspect, isSamlInputError, toJsonReport, toTextReport } from '../../core/inspect.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { parseNow } from '../parse-now.ts';
import { EXPECT_HELP, EXPECT_OPTIONS } from './inspect-expect-options.ts';
import { readInput } from '../read-input.ts';
import { inspectTrust } from './inspect-trust.ts';

export const INSPECT_USAGE = `Usage: saml-roles inspect [FILE|-] [--json] [--raw] [--now ISO-8601]
                          [--expect EXPECT.yaml] [--junit FILE]
                          [--trust-policy ROLE_ARN=POLICY.json ...]

Decodes a SAML response aimed at AWS (base64, form body, URL, HTML page, XML, HTTP-Redirect,
SOAP) from FILE or stdin, prints its roles by account, session facts and lint findings.
  --json     one JSON object instead of text
  --raw      include the base64 SAMLResponse in --json output (it is a bearer credential)
  --now      check the time window against this instant instead of the clock
  --trust-policy ROLE_ARN=POLICY.json
             evaluate that role's trust policy (the JSON document, as in IAM) against the
             context keys this assertion gives; a refusal is an error finding naming the
             statement, condition and value seen (repeatable)
Also prints the IAM context keys (saml:aud, saml:sub, ..., aws:RequestTag/*) per provider.
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
      'trust-policy': { type: 'string', multiple: true },
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
  const expectations =
    values.expect === undefined && values.junit === undefined
      ? undefined
      : await import('./inspect-expect.ts');
  const plan = await expectations?.loadExpectationPlan(values, io);
  const input = await readInput(positionals[0], io);
  try {
    const trust = await inspectTrust(
      inspect(input.text, { now }),
      values['trust-policy'] ?? [],
      io,
    );
    const checked =
      plan && (await expectations?.applyExpectationPlan(plan, trust.inspection, input.name));
    const inspection = checked?.inspection ?? trust.inspection;
    const report = {
      ...toJsonReport(inspection, { includeRaw: values.raw ?? false }),
      ...trust.json,
    };
    io.stdout(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : toTextReport(inspection) + trust.text,
    );
    if (checked) return checked.passed ? EXIT.ok : EXIT.findings;
    return inspection.findings.some((finding) => finding.severity === 'error')
      ? EXIT.findings
      : EXIT.ok;
  } catch (error) {
    if (isSamlInputError(error))
      await expectations?.reportUndecodable(plan, input.name, error.message);
    if (isSamlInputError(error))
      throw new CliError(`${input.name}: cannot decode: ${error.message}`, EXIT.failure);
    throw error;
  }
}
