/**
 * The AWS sign-in and STS hosts the stand-in answers as (Chromium host-resolver patterns, where
 * `*` stands for one or more labels): what a browser or proxy routes to it.
 */
export const STAND_IN_AWS_HOSTS: readonly string[] = [
  'signin.aws.amazon.com',
  '*.signin.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  '*.signin.amazonaws-us-gov.com',
  'signin.amazonaws.cn',
  '*.signin.amazonaws.cn',
  'sts.amazonaws.com',
  'sts.*.amazonaws.com',
  'sts.*.amazonaws.com.cn',
];

/** Chromium's `--host-resolver-rules` value sending every AWS host to `hostPort`. */
export function hostResolverRules(hostPort: string): string {
  return STAND_IN_AWS_HOSTS.map((host) => `MAP ${host} ${hostPort}`).join(', ');
}
