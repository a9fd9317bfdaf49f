// `npm run playground [-- --browser chromium|firefox] [--headless]`: wiring only.
import { parseArgs } from 'node:util';
import { defaultStandInDataDir } from '../../src/idp/standin/command.ts';
import { isBrowserName } from './launch.ts';
import { startPlayground } from './playground.ts';

const USAGE = 'usage: npm run playground [-- --browser chromium|firefox] [--headless]';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      browser: { type: 'string' },
      headless: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const browser = values.browser ?? 'chromium';
  if (!isBrowserName(browser)) {
    console.error(`playground: --browser "${browser}" is not chromium or firefox\n${USAGE}`);
    return 2;
  }
  if (
    !values.headless &&
    !process.env.DISPLAY &&
    !process.env.WAYLAND_DISPLAY &&
    process.platform === 'linux'
  ) {
    console.error('playground: no display to open a window on (DISPLAY is unset); add --headless');
    return 2;
  }
  const playground = await startPlayground({
    browser,
    headless: values.headless ?? false,
    standInDataDir: defaultStandInDataDir(),
    log: (line) => console.log(line),
  });
  console.log(`saml-roles playground (${browser}): no AWS account involved
  IdP:       ${playground.idpUrl}/login (demo users alice, bob, carol, ...; password "demo")
  stand-in:  ${playground.standIn.url}, answering as signin.aws.amazon.com, its regional,
             GovCloud and China hosts, and STS (certificate ${playground.standIn.fingerprint})
Sign in, open an AWS application, then the extension's toolbar popup. Close the browser or press
Ctrl+C to stop.`);
  const stop = () => void playground.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  playground.ext.browser.once('disconnected', stop);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('ERR_PARSE_ARGS'))
      console.error(`playground: ${(error as Error).message}\n${USAGE}`);
    else console.error(`playground: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
