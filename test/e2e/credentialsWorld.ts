// The credentials e2e world: the companion IdP and an AWS stand-in whose STS knows each role's
// MaxSessionDuration and whose clock a test can move (to make STS see an assertion as expired).
import { demoConfig } from '../../src/idp/config.ts';
import { generateSelfSigned } from '../../src/idp/crypto/selfsigned.ts';
import { startIdp } from '../../src/idp/server.ts';
import { startAwsStandIn } from '../../src/idp/standin/server.ts';
import { AWS_SIGNIN_HOSTS, type BrowserName, launchWithExtension } from './harness.ts';
import type { World } from './world.ts';

export interface CredentialsWorld extends World {
  /** Moves the stand-in's clock (not the browser's) by this many ms. */
  setStandInClockOffset(ms: number): void;
}

export async function startCredentialsWorld(
  options: { browser?: BrowserName; maxSessionDuration?: Record<string, number> } = {},
): Promise<CredentialsWorld> {
  const idp = await startIdp({ config: demoConfig({ manyRoles: 3 }) });
  const tls = await generateSelfSigned('signin.aws.amazon.com', [...AWS_SIGNIN_HOSTS]);
  let offset = 0;
  const standIn = await startAwsStandIn({
    https: tls,
    trustedIdpMetadata: [idp.metadataXml],
    now: () => new Date(Date.now() + offset),
    ...(options.maxSessionDuration ? { maxSessionDuration: options.maxSessionDuration } : {}),
  });
  const ext = await launchWithExtension({
    awsHostPort: new URL(standIn.url).host,
    ...(options.browser ? { browser: options.browser } : {}),
  });
  return {
    ext,
    idpUrl: idp.url,
    shortIdpUrl: idp.url,
    standInUrl: standIn.url,
    setStandInClockOffset: (ms) => void (offset = ms),
    async close() {
      await ext.close();
      await Promise.all([idp.close(), standIn.close()]);
    },
  };
}
