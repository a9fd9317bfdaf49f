// The stand-in's own table of AWS's SAML endpoints and audiences, written from the IAM guide
// ("Configure SAML assertions for the authentication response") rather than taken from the core,
// so a wrong value in the core's table is caught by the differential test instead of copied.

export type StandInPartition = 'aws' | 'aws-us-gov' | 'aws-cn';

const SIGNIN_DOMAINS: Record<StandInPartition, string> = {
  aws: 'signin.aws.amazon.com',
  'aws-us-gov': 'signin.amazonaws-us-gov.com',
  'aws-cn': 'signin.amazonaws.cn',
};

/** The audience URNs IAM documents per partition (China's guide names both forms). */
const AUDIENCE_URNS: Record<StandInPartition, readonly string[]> = {
  aws: ['urn:amazon:webservices'],
  'aws-us-gov': ['urn:amazon:webservices:govcloud'],
  'aws-cn': ['urn:amazon:webservices:cn-north-1', 'urn:amazon:webservices:cn'],
};

const PARTITIONS = Object.keys(SIGNIN_DOMAINS) as StandInPartition[];
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

export function isStandInPartition(value: string): value is StandInPartition {
  return (PARTITIONS as string[]).includes(value);
}

/** The partition (and region) of an AWS sign-in host, e.g. `us-east-2.signin.aws.amazon.com`. */
export function signinHostPartition(
  host: string,
): { partition: StandInPartition; region?: string } | undefined {
  const lower = host.toLowerCase().replace(/:443$/, '');
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

/** The partition of an STS host: `sts.amazonaws.com`, `sts.REGION.amazonaws.com(.cn)`. */
export function stsHostPartition(host: string): StandInPartition | undefined {
  const match = /^sts(?:\.([a-z0-9-]+))?\.amazonaws\.com(\.cn)?$/.exec(
    host.toLowerCase().replace(/:443$/, ''),
  );
  if (!match) return undefined;
  if (match[2]) return 'aws-cn';
  return match[1]?.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/**
 * The IAM SAML sign-in endpoint a URL names, if any: `https://[REGION.]DOMAIN/saml`, the provider's
 * own `/saml/acs/IDP-ID` (for encrypted assertions), or the global `/static/saml` the guide also
 * gives for the aws partition. Scheme and host compare case-insensitively; a trailing slash is
 * ignored.
 */
export function iamSigninEndpoint(
  url: string,
): { partition: StandInPartition; region?: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.search || parsed.hash)
    return undefined;
  const site = signinHostPartition(parsed.hostname);
  if (!site) return undefined;
  const path = parsed.pathname.replace(/\/+$/, '');
  if (path === '/saml' || /^\/saml\/acs\/[^/]+$/.test(path)) return site;
  if (path === '/static/saml' && site.partition === 'aws' && !site.region) return site;
  return undefined;
}

/** Whether IAM accepts `audience` for sign-in in `partition`: its URN, or a sign-in URL of it. */
export function isAudienceAccepted(audience: string, partition: StandInPartition): boolean {
  const value = audience.trim();
  return (
    AUDIENCE_URNS[partition].includes(value) || iamSigninEndpoint(value)?.partition === partition
  );
}

/** The audience values to name in a refusal. */
export function audiencesFor(partition: StandInPartition): string {
  return [...AUDIENCE_URNS[partition], `https://${SIGNIN_DOMAINS[partition]}/saml`].join(', ');
}

/** The global `/saml` URL of a partition: what IAM's console writes as `SAML:aud`. */
export function signinUrl(partition: StandInPartition): string {
  return `https://${SIGNIN_DOMAINS[partition]}/saml`;
}
