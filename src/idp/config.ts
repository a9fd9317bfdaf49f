import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { parseSpMetadata } from './saml/sp-metadata.ts';
import { compileAndCheck } from './config/check.ts';
import { configProblem, IdpConfigError } from './config/errors.ts';
import type { IdpConfig } from './config/types.ts';
import { unreadableFileMessage } from './unreadable-file.ts';
import { validateConfig } from './config/validate.ts';

export { demoConfig, DEMO_CONFIG } from './config/demo.ts';
export { IdpConfigError } from './config/errors.ts';
export type * from './config/types.ts';

/** Reads and checks a YAML (or JSON) configuration file; throws IdpConfigError naming the problem. */
export function loadConfig(path: string): IdpConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new IdpConfigError(unreadableFileMessage(path, error));
  }
  return parseConfig(text, path);
}

/**
 * Parses configuration text. `fileName` names it in errors and anchors relative `spMetadata`
 * paths. Every expression is compiled and run for every user, so a config that parses is usable.
 */
export function parseConfig(text: string, fileName: string): IdpConfig {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    throw configProblem(
      fileName,
      at ? `line ${at.line}, column ${at.col}` : '',
      `not valid YAML: ${yamlError.message.split('\n', 1)[0]}`,
    );
  }
  const config = validateConfig(document.toJS(), fileName, (reference, entry) =>
    readSpMetadataReference(fileName, reference, entry),
  );
  compileAndCheck(config);
  return config;
}

function readSpMetadataReference(
  fileName: string,
  reference: string,
  entry: string,
): { acsUrl: string; audience: string } {
  const inline = reference.trimStart().startsWith('<');
  const path = inline ? '' : resolve(dirname(fileName), reference);
  try {
    const metadata = parseSpMetadata(inline ? reference : readFileSync(path, 'utf8'));
    return { acsUrl: metadata.acsUrl, audience: metadata.entityId };
  } catch (error) {
    const reason =
      error instanceof Error && !('code' in error)
        ? error.message
        : unreadableFileMessage(path, error);
    throw configProblem(fileName, `${entry} spMetadata`, reason);
  }
}
