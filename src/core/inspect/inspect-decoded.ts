import { buildAwsView } from '../aws/view.ts';
import type { DecodedInput } from '../input/types.ts';
import type { Inspection } from './inspection.ts';
import { lint } from '../lint/lint.ts';
import { parseDecoded } from './parse-decoded.ts';

export interface InspectOptions {
  /** The clock the time window is checked against; defaults to the current time. */
  now?: Date;
}

/** Parse, model and lint an input that has been decoded to XML. */
export function inspectDecoded(input: DecodedInput, options: InspectOptions = {}): Inspection {
  const saml = parseDecoded(input);
  const aws = buildAwsView(saml);
  const findings = lint({ saml, aws, input, now: options.now ?? new Date() });
  return { input, saml, aws, findings };
}
