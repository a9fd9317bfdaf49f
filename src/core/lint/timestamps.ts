import type { SamlMessage } from '../saml/model.ts';

/** The timestamps the time rules read, with the names messages use for them. */
export interface SamlTimestamp {
  label: string;
  value: string;
}

type TimestampField = 'notBefore' | 'notOnOrAfter' | 'subjectNotOnOrAfter' | 'issueInstant';

const LABELS: Record<TimestampField, string> = {
  notBefore: 'Conditions NotBefore',
  notOnOrAfter: 'Conditions NotOnOrAfter',
  subjectNotOnOrAfter: 'SubjectConfirmationData NotOnOrAfter',
  issueInstant: 'IssueInstant',
};

/** The named fields that are present, in a fixed order. */
export function timestamps(saml: SamlMessage, fields: readonly TimestampField[]): SamlTimestamp[] {
  return fields.flatMap((field) => {
    const value = saml[field];
    return value === undefined ? [] : [{ label: LABELS[field], value }];
  });
}
