import { classifySamlEndpoint } from '../../core/inspect.ts';

// Where AWS sends the browser after its sign-in accepts a response: the console, a region's
// console, or a RelayState deep link, all under the partition's domain.
const AWS_DOMAINS: Record<string, string> = {
  aws: 'aws.amazon.com',
  'aws-us-gov': 'amazonaws-us-gov.com',
  'aws-cn': 'amazonaws.cn',
};

/**
 * The CSP `form-action` of the auto-post page: its ACS URL, and for an AWS sign-in ACS the
 * partition's domain too, as Chrome also checks the redirects that follow a form's POST.
 */
export function formActionFor(acsUrl: string): string[] {
  const url = new URL(acsUrl);
  // A CSP source may not hold ';' or ','; the origin alone then stands for the URL.
  const path = /[;,\s]/.test(url.pathname) ? '' : url.pathname;
  const sources = [`${url.origin}${path}`];
  const endpoint = classifySamlEndpoint(acsUrl);
  const domain = endpoint ? AWS_DOMAINS[endpoint.partition] : undefined;
  if (domain) sources.push(`https://*.${domain}`);
  return sources;
}
