import { inspect, type Inspection } from '../../core/inspect.ts';
import type { IdpConfig } from '../../idp/config.ts';
import { resolveSigningKeys, type SigningKeys } from '../../idp/crypto/keystore.ts';
import { MappingError } from '../../idp/mapping/evaluate.ts';
import { Minter, MintError } from '../../idp/mint.ts';
import { DEFAULT_IDP_URL } from './idp-config.ts';

let throwAway: Promise<SigningKeys> | undefined;

/**
 * One key, generated in memory once per process, for `idp check` and `idp preview`: what they
 * compare is never a signature value, and the user's data dir is left alone.
 */
export function throwAwayKeys(): Promise<SigningKeys> {
  throwAway ??= resolveSigningKeys({});
  return throwAway;
}

/** A minter for a configuration, with the issuer `idp mint` would use. */
export function minterFor(config: IdpConfig, keys: SigningKeys): Minter {
  return new Minter(config, keys, config.issuer ?? DEFAULT_IDP_URL);
}

/**
 * Mints the user's response for the app and inspects it as `saml-roles inspect` would, both at
 * `now`, so the result does not depend on when the command runs. A user or app the configuration
 * lacks, or a user not allowed to use the app, comes back as a reason instead.
 */
export function mintInspection(
  minter: Minter,
  user: string,
  app: string,
  now: Date,
): { inspection: Inspection } | { reason: string } {
  try {
    const minted = minter.mint(user, app, { now });
    return { inspection: inspect(minted.samlResponse, { now }) };
  } catch (error) {
    if (error instanceof MintError || error instanceof MappingError)
      return { reason: error.message };
    throw error;
  }
}
