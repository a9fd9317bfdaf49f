/** SAML 2.0 Bindings §3.4.3 and §3.5.3: a RelayState "MUST NOT exceed 80 bytes in length". */
export const MAX_RELAY_STATE_BYTES = 80;

/** Why a RelayState given with a request is refused, or undefined when it fits. */
export function relayStateProblem(relayState: string | undefined): string | undefined {
  if (relayState === undefined) return undefined;
  const bytes = Buffer.byteLength(relayState, 'utf8');
  return bytes > MAX_RELAY_STATE_BYTES
    ? `RelayState is ${bytes} bytes; the SAML bindings allow at most ${MAX_RELAY_STATE_BYTES}`
    : undefined;
}
