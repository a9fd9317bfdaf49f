/**
 * credential-process's exit codes, one per failure, so a script (or a person reading the AWS
 * CLI's "exited with N") can tell them apart. 1 and 2 keep their meaning across the CLI.
 */
export const CREDENTIAL_PROCESS_EXIT = {
  ok: 0,
  usage: 2,
  /** No socket, or nobody listening: the browser is not running or the bridge is not installed. */
  noHost: 10,
  /** The extension has the bridge turned off. */
  bridgeOff: 11,
  /** No capture in the browser holds the role. */
  noCapture: 12,
  /** The IdP's session ended: the user must sign in at the URL given. */
  idpNeedsUser: 13,
  /** STS refused AssumeRoleWithSAML. */
  stsRefused: 14,
  /** No answer in time (from the host, or the extension through it). */
  timeout: 15,
  /** An answer the protocol does not allow, or a request the extension refused. */
  badAnswer: 16,
  /** The host has too many requests waiting. */
  hostBusy: 17,
} as const;
