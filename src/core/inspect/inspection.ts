import type { AwsView } from '../aws/types.ts';
import type { DecodedInput } from '../input/types.ts';
import type { Finding } from '../lint/types.ts';
import type { SamlMessage } from '../saml/model.ts';

/** The result of decoding, parsing, modelling and linting one input. */
export interface Inspection {
  input: DecodedInput;
  saml: SamlMessage;
  aws: AwsView;
  findings: Finding[];
}
