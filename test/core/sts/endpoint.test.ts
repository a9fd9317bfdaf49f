import { describe, expect, it } from 'vitest';
import { stsEndpointFor } from '../../../src/core/sts/endpoint.ts';

describe('stsEndpointFor', () => {
  it.each([
    ['aws', undefined, 'https://sts.amazonaws.com/'],
    ['aws', 'eu-west-1', 'https://sts.eu-west-1.amazonaws.com/'],
    ['aws-us-gov', undefined, 'https://sts.us-gov-west-1.amazonaws.com/'],
    ['aws-us-gov', 'us-gov-east-1', 'https://sts.us-gov-east-1.amazonaws.com/'],
    ['aws-cn', undefined, 'https://sts.cn-north-1.amazonaws.com.cn/'],
    ['aws-cn', 'cn-northwest-1', 'https://sts.cn-northwest-1.amazonaws.com.cn/'],
  ] as const)('%s in %s -> %s', (partition, region, url) => {
    expect(stsEndpointFor(partition, region)).toBe(url);
  });

  it('uses an override as given, whatever the partition and region', () => {
    expect(stsEndpointFor('aws-cn', 'cn-north-1', ' http://127.0.0.1:4566 ')).toBe(
      'http://127.0.0.1:4566',
    );
    expect(
      stsEndpointFor('aws', undefined, 'https://vpce-1.sts.us-east-1.vpce.amazonaws.com/'),
    ).toBe('https://vpce-1.sts.us-east-1.vpce.amazonaws.com/');
  });

  it('ignores an empty override', () => {
    expect(stsEndpointFor('aws', 'us-east-2', '')).toBe('https://sts.us-east-2.amazonaws.com/');
  });

  it.each([
    'sts.amazonaws.com',
    'ftp://sts.amazonaws.com',
    'https://',
    'https://user@host/',
    'https://host:port/',
    'https://[::1/',
  ])('refuses the override %s', (override) => {
    expect(() => stsEndpointFor('aws', undefined, override)).toThrow(/is not an http\(s\) URL/);
  });

  it('refuses a region that is not a region name, or belongs to another partition', () => {
    expect(() => stsEndpointFor('aws', 'Frankfurt')).toThrow(
      'region "Frankfurt" is not an AWS region name such as eu-west-1',
    );
    expect(() => stsEndpointFor('aws', 'cn-north-1')).toThrow(
      'region cn-north-1 is in partition aws-cn, but the role is in aws',
    );
    expect(() => stsEndpointFor('aws-us-gov', 'us-east-1')).toThrow(/in partition aws, but/);
  });
});

describe('a custom endpoint over plain http', () => {
  it.each([
    'http://127.0.0.1:4566',
    'http://127.255.0.9/sts',
    'http://localhost:4566/',
    'http://LOCALHOST',
    'http://[::1]:4566/',
    'https://sts.example.com/',
    'HTTPS://vpce-1.sts.us-east-1.vpce.amazonaws.com',
  ])('is used for this machine, or over https: %s', (override) => {
    expect(stsEndpointFor('aws', undefined, override)).toBe(override);
  });

  it.each([
    'http://sts.example.com/',
    'HTTP://sts.example.com',
    'http://10.0.0.5:4566',
    'http://127.0.0.1.nip.io/',
    'http://localhost.attacker.example/',
    'http://127.0.0.256/',
    'http://[::ffff:7f00:1]/',
    'http://0x7f000001/',
  ])('is refused anywhere else, saying why: %s', (override) => {
    expect(() => stsEndpointFor('aws', undefined, override)).toThrow(
      `STS endpoint ${JSON.stringify(override)} is plain http to another machine: the SAML assertion and the credentials STS returns would cross the network in clear text. Use https://, or http only to 127.0.0.1, ::1 or localhost`,
    );
    try {
      stsEndpointFor('aws', undefined, override);
    } catch (error) {
      expect(error).toMatchObject({ code: 'endpoint-insecure' });
    }
  });
});
