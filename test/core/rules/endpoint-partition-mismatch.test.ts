import { describe, expect, it } from 'vitest';
import { endpointPartitionMismatch } from '../../../src/core/rules/endpoint-partition-mismatch.ts';
import { check, rolePair, validAws } from './fixtures.ts';

const GOV_ENDPOINT = 'https://signin.amazonaws-us-gov.com/saml';
const govRole = rolePair(
  'arn:aws-us-gov:iam::123456789012:role/Dev',
  'arn:aws-us-gov:iam::123456789012:saml-provider/IdP',
);

describe('endpoint-partition-mismatch', () => {
  it('passes when endpoints and roles share a partition', () => {
    expect(check(endpointPartitionMismatch)).toEqual([]);
    const saml = { recipient: GOV_ENDPOINT, destination: GOV_ENDPOINT };
    expect(check(endpointPartitionMismatch, { saml, aws: { roles: [govRole] } })).toEqual([]);
  });

  it('reports a role from another partition, once per partition', () => {
    const results = check(endpointPartitionMismatch, {
      aws: {
        roles: [...validAws().roles, govRole, { ...govRole, roleArn: `${govRole.roleArn}2` }],
      },
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(`Role "${govRole.roleArn}" is in partition "aws-us-gov"`);
  });

  it('reports Recipient and Destination in different partitions', () => {
    const results = check(endpointPartitionMismatch, { saml: { destination: GOV_ENDPOINT } });
    expect(results[0]!.message).toContain(
      'but Destination "https://signin.amazonaws-us-gov.com/saml" is in "aws-us-gov"',
    );
  });

  it('says nothing when no endpoint is an AWS one', () => {
    const saml = { recipient: 'https://idp.example.com/acs', destination: undefined };
    expect(check(endpointPartitionMismatch, { saml, aws: { roles: [govRole] } })).toEqual([]);
  });
});
