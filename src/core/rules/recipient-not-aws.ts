import { classifySamlEndpoint } from '../aws/endpoints.ts';
import { quote } from '../lint/quote.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const recipientNotAws: Rule = {
  code: 'recipient-not-aws',
  severity: 'error',
  summary:
    'Recipient and Destination, when sent, are an AWS SAML endpoint (https://signin.aws.amazon.com/saml or similar).',
  check(context) {
    const { recipient, destination } = context.saml;
    const results: RuleResult[] = [];
    const fields: [string, string | undefined][] = [
      ['SubjectConfirmationData Recipient', recipient],
      ['Response Destination', destination],
    ];
    for (const [label, url] of fields) {
      if (url === undefined || classifySamlEndpoint(url)) continue;
      results.push({
        message: `${label} ${quote(url)} is not an AWS SAML sign-in endpoint, so AWS rejects the response.`,
        fix: 'Set the ACS URL in the IdP to https://signin.aws.amazon.com/saml (or https://REGION.signin.aws.amazon.com/saml; GovCloud: https://signin.amazonaws-us-gov.com/saml; China: https://signin.amazonaws.cn/saml).',
      });
    }
    return results;
  },
};
