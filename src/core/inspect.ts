import { buildAwsView } from './aws/view.ts';
import { decodeInput } from './input/decode.ts';
import type { Inspection } from './inspection.ts';
import { lint } from './rules/lint.ts';
import { parseSamlXml } from './saml/parse.ts';

export interface InspectOptions {
  /** The clock the time window is checked against; defaults to the current time. */
  now?: Date;
}

/** Decode, parse, model and lint one input. Throws SamlInputError when it cannot be decoded. */
export function inspect(input: string, options: InspectOptions = {}): Inspection {
  const decoded = decodeInput(input);
  const saml = parseSamlXml(decoded.xml);
  const aws = buildAwsView(saml);
  const findings = lint({ saml, aws, input: decoded, now: options.now ?? new Date() });
  return { input: decoded, saml, aws, findings };
}
