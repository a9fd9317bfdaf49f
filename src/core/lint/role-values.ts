import type { AwsView, RoleValue } from '../aws/types.ts';
import { quote } from './quote.ts';

/** The Role values as the AWS view read them, and whether any is non-blank. */
export function roleValues(aws: AwsView): { values: RoleValue[]; hasAny: boolean } {
  return {
    values: aws.roleValues,
    hasAny: aws.roleValues.some((value) => value.raw.trim() !== ''),
  };
}

/** `Role value 2 of 3 ("…")`: how messages point at one value. */
export function describeRoleValue(value: RoleValue, total: number): string {
  return `Role value ${value.index + 1} of ${total} (${quote(value.raw)})`;
}
