import { withoutTrailingSlashes } from '../trailing-slashes.ts';
import type { Partition } from './types.ts';

/** The sign-in domain of each partition; `<region>.` may precede it. */
const SIGNIN_DOMAINS: Record<Partition, string> = {
  aws: 'signin.aws.amazon.com',
  'aws-us-gov': 'signin.amazonaws-us-gov.com',
  'aws-cn': 'signin.amazonaws.cn',
};

export const PARTITIONS = Object.keys(SIGNIN_DOMAINS) as Partition[];

/** A URL that AWS's SAML sign-in answers at. */
export interface SamlEndpoint {
  /** `iam`: IAM SAML federation (`/saml`); `identity-center`: IAM Identity Center ACS. */
  kind: 'iam' | 'identity-center';
  partition: Partition;
  region?: string;
  host: string;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

function parseUrl(url: string): { protocol: string; host: string; path: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#:]+)(?::\d+)?([^?#]*)/i.exec(url.trim());
  if (!match) return undefined;
  return {
    protocol: match[1]!.toLowerCase(),
    host: match[2]!.toLowerCase(),
    path: match[3] || '/',
  };
}

/** Which partition and region a sign-in host belongs to, if it is one. */
export function classifySigninHost(
  host: string,
): { partition: Partition; region?: string } | undefined {
  const lower = host.toLowerCase();
  for (const partition of PARTITIONS) {
    const domain = SIGNIN_DOMAINS[partition];
    if (lower === domain) return { partition };
    if (lower.endsWith(`.${domain}`)) {
      const region = lower.slice(0, -domain.length - 1);
      if (REGION.test(region)) return { partition, region };
    }
  }
  return undefined;
}

/** Recognises AWS SAML endpoints (IAM `/saml` and Identity Center ACS); anything else is undefined. */
export function classifySamlEndpoint(url: string): SamlEndpoint | undefined {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https') return undefined;
  const site = classifySigninHost(parsed.host);
  if (!site) return undefined;
  const path = withoutTrailingSlashes(parsed.path);
  // `/saml/acs/<IdP-ID>`: a SAML provider's own ACS URL (AWS gives providers that require
  // encrypted assertions a unique identifier).
  if (path === '/saml' || /^\/saml\/acs\/[^/]+$/.test(path))
    return { kind: 'iam', host: parsed.host, ...site };
  // The IAM guide also gives `https://signin.aws.amazon.com/static/saml` (global, aws only).
  if (path === '/static/saml' && site.partition === 'aws' && site.region === undefined)
    return { kind: 'iam', host: parsed.host, ...site };
  if (/^\/platform\/saml\/acs\/[^/]+$/.test(path))
    return { kind: 'identity-center', host: parsed.host, ...site };
  return undefined;
}

/** The canonical `/saml` URL of a partition (optionally regional). */
export function samlEndpointUrl(partition: Partition, region?: string): string {
  const domain = SIGNIN_DOMAINS[partition];
  return `https://${region ? `${region}.` : ''}${domain}/saml`;
}

/** Match patterns for every AWS SAML endpoint (webRequest filters and host permissions). */
export const SAML_ENDPOINT_MATCH_PATTERNS: readonly string[] = PARTITIONS.flatMap((partition) => {
  const domain = SIGNIN_DOMAINS[partition];
  return [
    `https://${domain}/saml*`,
    `https://*.${domain}/saml*`,
    `https://*.${domain}/platform/saml/acs/*`,
    `https://${domain}/platform/saml/acs/*`,
  ];
});

/** Host match patterns (any path) for the sign-in domains, for manifest host_permissions. */
export const SIGNIN_HOST_PATTERNS: readonly string[] = PARTITIONS.flatMap((partition) => {
  const domain = SIGNIN_DOMAINS[partition];
  return [`https://${domain}/*`, `https://*.${domain}/*`];
});

/** Audience values AWS accepts for IAM SAML federation, per partition. */
export function acceptedAudiences(partition: Partition, region?: string): string[] {
  const base: Record<Partition, string[]> = {
    aws: ['urn:amazon:webservices'],
    'aws-us-gov': ['urn:amazon:webservices:govcloud'],
    'aws-cn': ['urn:amazon:webservices:cn-north-1', 'urn:amazon:webservices:cn'],
  };
  const urls = [samlEndpointUrl(partition)];
  if (region) urls.push(samlEndpointUrl(partition, region));
  return [...base[partition], ...urls];
}

/** True when `audience` is accepted by AWS IAM SAML federation in some partition / region. */
export function isAcceptedAudience(audience: string, partition?: Partition): boolean {
  const value = audience.trim();
  const candidates = partition ? [partition] : PARTITIONS;
  for (const p of candidates) {
    if (acceptedAudiences(p).includes(value)) return true;
    const endpoint = classifySamlEndpoint(value);
    if (endpoint?.kind === 'iam' && endpoint.partition === p) return true;
  }
  return false;
}

/** The STS endpoint of a partition; regional when a region is given. */
export function stsEndpointUrl(partition: Partition, region?: string): string {
  const suffix = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  if (partition === 'aws-us-gov') return `https://sts.${region ?? 'us-gov-west-1'}.${suffix}/`;
  if (partition === 'aws-cn') return `https://sts.${region ?? 'cn-north-1'}.${suffix}/`;
  return region ? `https://sts.${region}.${suffix}/` : `https://sts.${suffix}/`;
}

/** The federation endpoint (getSigninToken / login) of a partition. */
export function federationEndpointUrl(partition: Partition): string {
  return `https://${SIGNIN_DOMAINS[partition]}/federation`;
}

/** The console URL of a partition. */
export function consoleUrl(partition: Partition): string {
  const hosts: Record<Partition, string> = {
    aws: 'https://console.aws.amazon.com/',
    'aws-us-gov': 'https://console.amazonaws-us-gov.com/',
    'aws-cn': 'https://console.amazonaws.cn/',
  };
  return hosts[partition];
}
