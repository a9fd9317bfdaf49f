import { describe, expect, it } from 'vitest';
import {
  classifySamlEndpoint,
  isAcceptedAudience,
  stsEndpointUrl,
} from '../../../src/core/aws/endpoints.ts';

describe('classifySamlEndpoint', () => {
  it.each([
    ['https://signin.aws.amazon.com/saml', { kind: 'iam', partition: 'aws' }],
    ['https://signin.aws.amazon.com/saml/', { kind: 'iam', partition: 'aws' }],
    [
      'https://us-east-2.signin.aws.amazon.com/saml',
      { kind: 'iam', partition: 'aws', region: 'us-east-2' },
    ],
    [
      'https://eu-west-1.signin.aws.amazon.com/saml/acs/SAMLSP4EXAMPLE',
      { kind: 'iam', region: 'eu-west-1' },
    ],
    ['https://signin.amazonaws-us-gov.com/saml', { kind: 'iam', partition: 'aws-us-gov' }],
    [
      'https://us-gov-west-1.signin.amazonaws-us-gov.com/saml',
      { partition: 'aws-us-gov', region: 'us-gov-west-1' },
    ],
    ['https://signin.amazonaws.cn/saml', { kind: 'iam', partition: 'aws-cn' }],
    // The IAM guide's other global form for the aws partition (found by the stand-in's
    // differential test: the lint called it "not an AWS endpoint").
    ['https://signin.aws.amazon.com/static/saml', { kind: 'iam', partition: 'aws' }],
    [
      'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/3f1c2b6e-1111',
      { kind: 'identity-center', region: 'us-east-1' },
    ],
  ])('%s', (url, expected) => {
    expect(classifySamlEndpoint(url)).toMatchObject(expected);
  });

  it.each([
    'http://signin.aws.amazon.com/saml',
    'https://signin.aws.amazon.com.evil.example/saml',
    'https://evil.example/signin.aws.amazon.com/saml',
    'https://signin.aws.amazon.com/samlx',
    'https://not-a-region.signin.aws.amazon.com/saml',
    'https://signin.aws.amazon.com/saml/acs/a/b',
    'https://us-east-2.signin.aws.amazon.com/static/saml',
    'https://signin.amazonaws-us-gov.com/static/saml',
    'urn:amazon:webservices',
  ])('refuses %s', (url) => {
    expect(classifySamlEndpoint(url)).toBeUndefined();
  });
});

describe('audiences and STS endpoints', () => {
  it('accepts each partition its own audiences only', () => {
    expect(isAcceptedAudience('urn:amazon:webservices', 'aws')).toBe(true);
    expect(isAcceptedAudience('https://signin.aws.amazon.com/saml', 'aws')).toBe(true);
    expect(isAcceptedAudience('urn:amazon:webservices:govcloud', 'aws-us-gov')).toBe(true);
    expect(isAcceptedAudience('urn:amazon:webservices', 'aws-us-gov')).toBe(false);
    expect(isAcceptedAudience('https://idp.example.com', 'aws')).toBe(false);
  });

  it('picks the STS endpoint per partition and region', () => {
    expect(stsEndpointUrl('aws')).toBe('https://sts.amazonaws.com/');
    expect(stsEndpointUrl('aws', 'eu-west-1')).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(stsEndpointUrl('aws-us-gov')).toBe('https://sts.us-gov-west-1.amazonaws.com/');
    expect(stsEndpointUrl('aws-cn', 'cn-northwest-1')).toBe(
      'https://sts.cn-northwest-1.amazonaws.com.cn/',
    );
  });
});
