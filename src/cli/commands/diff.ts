import { parseArgs } from 'node:util';
import {
  diffInspections,
  inspect,
  isSameMeaning,
  isSamlInputError,
  toTextDiff,
  type Inspection,
} from '../../core/inspect.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import { parseNow } from '../parse-now.ts';
import { readInput } from '../read-input.ts';

export const DIFF_USAGE = `Usage: saml-roles diff A B [--json] [--now ISO-8601]

Compares what two SAML responses mean (each in any form 'inspect' reads; one may be - for stdin):
roles added and removed by account, attribute values added and removed, session facts, and lint
findings that appeared or went away.
Not compared, because they change on every sign-in: IDs (Response, Assertion, InResponseTo,
SessionIndex), instants (IssueInstant, AuthnInstant, the NotBefore/NotOnOrAfter values: the
validity window's lengths are compared instead), signature and digest values and certificates
(which element is signed and with which algorithms is compared), and the findings that compare an
instant with the clock (assertion-expired, assertion-not-yet-valid).
  --json     { roles: { added, removed }, attributes: [{ name, added, removed }],
               facts: [{ field, before, after }], findings: { added, removed } }
  --now      lint both against this instant instead of the clock
Exit: 0 same meaning, 1 different, 2 could not read or decode A or B.`;

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${DIFF_USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 2)
    throw new CliError(`diff takes two files, A and B; got ${positionals.length}`, EXIT.usage);
  const [a, b] = positionals as [string, string];
  if (a === '-' && b === '-')
    throw new CliError('only one of A and B can be - (stdin)', EXIT.usage);
  const now = values.now === undefined ? new Date() : parseNow(values.now);
  const before = await inspectSide(a, 'A', io, now);
  const after = await inspectSide(b, 'B', io, now);
  const diff = diffInspections(before, after);
  io.stdout(values.json ? `${JSON.stringify(diff, null, 2)}\n` : toTextDiff(diff));
  return isSameMeaning(diff) ? EXIT.ok : EXIT.findings;
}

async function inspectSide(file: string, side: string, io: CliIo, now: Date): Promise<Inspection> {
  let input: { text: string; name: string };
  try {
    input = await readInput(file, io);
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`${side}: ${error.message}`, EXIT.failure);
    throw error;
  }
  try {
    return inspect(input.text, { now });
  } catch (error) {
    if (isSamlInputError(error))
      throw new CliError(`${side}: ${input.name}: cannot decode: ${error.message}`, EXIT.failure);
    throw error;
  }
}
