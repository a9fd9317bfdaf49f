import { StsParameterError } from './errors.ts';

const HTTP_URL = /^(https?):\/\/([^\s/?#@]+)(?:[/?#]\S*)?$/i;
// host, then an optional :port, where an IPv6 host is bracketed.
const AUTHORITY = /^(\[[^\]]*\]|[^:[\]]+)(?::\d{1,5})?$/;
const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Plain http is allowed only to this machine (a local emulator or the stand-in): anywhere else
 * the SAML assertion goes out, and the credentials come back, readable by anyone on the way.
 */
function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'localhost' || name === '[::1]') return true;
  const octets = IPV4_LOOPBACK.exec(name)?.slice(1);
  return octets !== undefined && octets.every((octet) => Number(octet) <= 255);
}

/** What is wrong with a custom STS endpoint URL, for a person; undefined when it can be used. */
export function customEndpointProblem(url: string): string | undefined {
  const value = url.trim();
  const parts = HTTP_URL.exec(value);
  const authority = parts && AUTHORITY.exec(parts[2]!);
  if (!parts || !authority)
    return `STS endpoint ${JSON.stringify(url)} is not an http(s) URL such as https://sts.us-east-1.amazonaws.com`;
  if (parts[1]!.toLowerCase() === 'http' && !isLoopbackHost(authority[1]!))
    return `STS endpoint ${JSON.stringify(value)} is plain http to another machine: the SAML assertion and the credentials STS returns would cross the network in clear text. Use https://, or http only to 127.0.0.1, ::1 or localhost`;
  return undefined;
}

/** The endpoint, trimmed; throws a StsParameterError saying why when it cannot be used. */
export function checkCustomEndpoint(url: string): string {
  const problem = customEndpointProblem(url);
  if (problem === undefined) return url.trim();
  const code = /plain http/.test(problem) ? 'endpoint-insecure' : 'endpoint-invalid';
  throw new StsParameterError(code, problem);
}
