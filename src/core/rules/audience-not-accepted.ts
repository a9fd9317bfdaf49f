import { acceptedAudiences, isAcceptedAudience } from '../aws/endpoints.ts';
import { expectedPartition, isIdentityCenter } from '../lint/context.ts';
import { quote } from '../lint/quote.ts';
import type { Rule } from '../lint/types.ts';

export const audienceNotAccepted: Rule = {
  code: 'audience-not-accepted',
  severity: 'error',
  summary:
    "An Audience is one AWS accepts for the response's partition (e.g. urn:amazon:webservices).",
  check(context) {
    // Identity Center's audience is its own issuer URL, not an IAM federation value.
    if (isIdentityCenter(context)) return [];
    const audiences = context.saml.audiences.filter((audience) => audience.trim() !== '');
    if (audiences.length === 0) return []; // audience-missing
    const expected = expectedPartition(context);
    if (audiences.some((audience) => isAcceptedAudience(audience, expected?.partition))) return [];
    const accepted = expected
      ? acceptedAudiences(expected.partition, expected.region)
      : ['urn:amazon:webservices', 'urn:amazon:webservices:govcloud', 'urn:amazon:webservices:cn'];
    const where = expected
      ? ` for partition "${expected.partition}" (from ${expected.source})`
      : '';
    return [
      {
        message: `No Audience is accepted by AWS${where}: sent ${audiences.map(quote).join(', ')}.`,
        fix: `Set the SP entity ID / audience in the IdP to one of: ${accepted.join(', ')}.`,
      },
    ];
  },
};
