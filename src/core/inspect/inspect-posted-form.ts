import { decodePostedForm, type PostedForm } from '../input/posted-form.ts';
import { inspectDecoded, type InspectOptions } from './inspect-decoded.ts';
import type { Inspection } from './inspection.ts';

/**
 * `inspect` for a captured POST whose fields are known. Its own module, so a bundle that needs
 * only this (the extension's worker) leaves input detection and inflate out.
 */
export function inspectPostedForm(form: PostedForm, options: InspectOptions = {}): Inspection {
  return inspectDecoded(decodePostedForm(form), options);
}
