import { classifySamlEndpoint } from '../aws/endpoints.ts';
import { quote } from '../lint/quote.ts';
import type { Rule, RuleResult } from '../lint/types.ts';

export const endpointPartitionMismatch: Rule = {
  code: 'endpoint-partition-mismatch',
  severity: 'error',
  summary: 'Recipient, Destination and role ARNs all belong to the same AWS partition.',
  check(context) {
    const { saml, aws } = context;
    const endpoints = [
      { label: 'Recipient', url: saml.recipient },
      { label: 'Destination', url: saml.destination },
    ].flatMap(({ label, url }) => {
      const endpoint = url === undefined ? undefined : classifySamlEndpoint(url);
      return endpoint && url !== undefined ? [{ label, url, partition: endpoint.partition }] : [];
    });
    const [first, second] = endpoints;
    if (!first) return [];
    const results: RuleResult[] = [];
    if (second && second.partition !== first.partition) {
      results.push({
        message: `Recipient ${quote(first.url)} is in partition "${first.partition}" but Destination ${quote(second.url)} is in "${second.partition}".`,
        fix: 'Use the sign-in endpoint of one partition for both the ACS URL and the Destination.',
      });
    }
    const reported = new Set<string>();
    for (const role of aws.roles) {
      if (role.partition === first.partition || reported.has(role.partition)) continue;
      reported.add(role.partition);
      results.push({
        message: `Role ${quote(role.roleArn)} is in partition "${role.partition}", but the response goes to ${first.label} ${quote(first.url)} in "${first.partition}"; a partition's sign-in only accepts its own roles.`,
        fix: "Send this response to the role's partition's sign-in endpoint, or drop roles from other partitions in this IdP application.",
      });
    }
    return results;
  },
};
