import { SAML_STATUS_SUCCESS } from '../saml/namespaces.ts';
import { quote } from '../lint/quote.ts';
import type { Rule } from '../lint/types.ts';

export const statusNotSuccess: Rule = {
  code: 'status-not-success',
  severity: 'error',
  summary: `The Response StatusCode is ${SAML_STATUS_SUCCESS}.`,
  check(context) {
    const { kind, status } = context.saml;
    // A bare assertion has no status to check.
    if (kind !== 'response' || status.code?.trim() === SAML_STATUS_SUCCESS) return [];
    const details = [
      status.subCode === undefined ? '' : ` (sub-status ${quote(status.subCode)})`,
      status.message === undefined ? '' : `: ${quote(status.message)}`,
    ].join('');
    const code = status.code === undefined ? 'no StatusCode' : `status ${quote(status.code)}`;
    return [
      {
        message: `The Response has ${code}${details}; AWS only signs in with a Success response.`,
        fix: "The IdP did not authenticate the user for this application: look in the IdP's logs for why (user not assigned, MFA failed, policy denied).",
      },
    ];
  },
};
