import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError, EXIT } from '../io.ts';
import {
  buildHostManifest,
  buildLauncher,
  CHROME_EXTENSION_ID,
  FIREFOX_EXTENSION_ID,
  isOurManifest,
} from './host-manifest.ts';
import { launcherPath, regAddCommand, type ManifestLocation } from './manifest-location.ts';
import type { Env } from './socket-path.ts';

export interface InstallPlan {
  location: ManifestLocation;
  launcher: string;
  platform: NodeJS.Platform;
  env: Env;
}

export function planFor(location: ManifestLocation, platform: NodeJS.Platform, env: Env) {
  const hash = createHash('sha256').update(location.path).digest('hex').slice(0, 10);
  return { location, platform, env, launcher: launcherPath(env, location, platform, hash) };
}

const readText = (path: string) => readFile(path, 'utf8').catch(() => undefined);

/** Writes `text` unless the file holds it already; true when it wrote. */
async function writeIfChanged(path: string, text: string, mode: number): Promise<boolean> {
  if ((await readText(path)) === text) return false;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, text, { mode });
  await chmod(path, mode);
  return true;
}

export function extensionIdFor(browser: ManifestLocation['browser'], given?: string): string {
  if (browser === 'firefox') return given ?? FIREFOX_EXTENSION_ID;
  if (given === undefined)
    throw new CliError(
      `--extension-id ID is required for ${browser}: the ID on chrome://extensions (the extension's options page shows the whole command)`,
      EXIT.usage,
    );
  if (!CHROME_EXTENSION_ID.test(given))
    throw new CliError(
      `--extension-id ${given}: a Chrome extension ID is 32 letters from a to p`,
      EXIT.usage,
    );
  return given;
}

/** Writes the launcher and the manifest; lines for the user. Never replaces a foreign manifest. */
export async function install(
  plan: InstallPlan,
  extensionId: string,
  node: string,
  cliEntry: string,
): Promise<string[]> {
  const { location, launcher, platform } = plan;
  const existing = await readText(location.path);
  if (existing !== undefined && !isOurManifest(existing))
    throw new CliError(
      `${location.path} exists and saml-roles did not write it: not replaced (remove it yourself if it is stale)`,
      EXIT.failure,
    );
  const manifest = `${JSON.stringify(buildHostManifest(location.browser, launcher, extensionId), null, 2)}\n`;
  const wroteLauncher = await writeIfChanged(
    launcher,
    buildLauncher(platform, node, cliEntry, location.path),
    0o700,
  );
  const wroteManifest = await writeIfChanged(location.path, manifest, 0o644);
  const lines = [
    `${location.browser}: ${wroteManifest || wroteLauncher ? 'installed' : 'already installed'} ${location.path}`,
    `  launcher ${launcher}`,
  ];
  if (location.registryKey)
    lines.push(`  Windows reads the registry, not the folder: run`, `  ${regAddCommand(location)}`);
  return lines;
}

/** Removes what install wrote; leaves a manifest saml-roles did not write. */
export async function uninstall(plan: InstallPlan): Promise<string[]> {
  const { location, launcher } = plan;
  const existing = await readText(location.path);
  const lines: string[] = [];
  if (existing === undefined) lines.push(`${location.browser}: no manifest at ${location.path}`);
  else if (!isOurManifest(existing))
    throw new CliError(
      `${location.path} was not written by saml-roles: left as it is`,
      EXIT.failure,
    );
  else {
    await unlink(location.path);
    lines.push(`${location.browser}: removed ${location.path}`);
  }
  if (
    await unlink(launcher).then(
      () => true,
      () => false,
    )
  )
    lines.push(`  removed ${launcher}`);
  if (location.registryKey) lines.push(`  run: reg delete "${location.registryKey}" /f`);
  return lines;
}

/** One line on what is at the manifest's place. */
export async function describeInstall(location: ManifestLocation): Promise<string> {
  const existing = await readText(location.path);
  if (existing === undefined) return `${location.browser}: not installed (${location.path})`;
  if (!isOurManifest(existing))
    return `${location.browser}: ${location.path} holds a manifest saml-roles did not write`;
  const manifest = JSON.parse(existing) as Record<string, unknown>;
  const allowed = [
    ...((manifest.allowed_origins as string[] | undefined) ?? []),
    ...((manifest.allowed_extensions as string[] | undefined) ?? []),
  ];
  return `${location.browser}: installed ${location.path} for ${allowed.join(', ')}`;
}
