import type { AwsView } from '../aws/types.ts';
import type { DecodedInput } from '../input/types.ts';
import type { SamlMessage } from '../saml/model.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** How to fix it, for a person configuring the IdP. */
  fix: string;
}

/** Everything a rule may look at. `now` is handed in so results are reproducible. */
export interface LintContext {
  saml: SamlMessage;
  aws: AwsView;
  input?: Pick<DecodedInput, 'base64Length' | 'form'>;
  now: Date;
}

/** One documented AWS rule: a stable code, a default severity, and a check. */
export interface Rule {
  code: string;
  severity: Severity;
  /** One line for the README rules table. */
  summary: string;
  check(context: LintContext): RuleResult[];
}

/** What a check reports; the runner adds the rule's code and, unless given, its severity. */
export interface RuleResult {
  message: string;
  fix: string;
  severity?: Severity;
}
