import { demoConfig, loadConfig, type IdpConfig } from '../../idp/config.ts';
import { CliError, EXIT } from '../io.ts';

/** The server's default address: what `idp mint`/`idp metadata` use as issuer when none is set. */
export const DEFAULT_IDP_URL = 'http://127.0.0.1:7000';

/** `--config FILE` or `--demo`, exactly one. */
export function readIdpConfig(values: { config?: string; demo?: boolean }): IdpConfig {
  if (!values.config === !values.demo)
    throw new CliError('give --config FILE or --demo', EXIT.usage);
  return values.config ? loadConfig(values.config) : demoConfig();
}
