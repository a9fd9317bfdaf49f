import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { unreadableFileMessage } from '../../idp/unreadable-file.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';

/** How many of a file's problems one error lists (all are found; the rest are counted). */
const SHOWN_PROBLEMS = 10;

/**
 * Reads a YAML file and checks it against `schema`. Every problem is named by its line and its
 * path in the file, e.g. `expect.yaml: line 3: roles.exactly[1]: expected a string, got number 5`.
 * `option` names the flag the file came from.
 */
export async function readYamlFile<T>(
  path: string,
  option: string,
  schema: z.ZodType<T>,
  io: CliIo,
): Promise<T> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new CliError(`${option}: ${unreadableFileMessage(path, error)}`, EXIT.usage);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, {
    uniqueKeys: true,
    prettyErrors: true,
    lineCounter: lines,
  });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    throw new CliError(
      `${option} ${path}: ${at ? `line ${at.line}: ` : ''}not valid YAML: ${yamlError.message.split('\n', 1)[0]}`,
      EXIT.usage,
    );
  }
  const result = schema.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) =>
    // One problem per unknown key, at the key's own line.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => problem(document, lines, [...issue.path, key], issue.message))
      : [problem(document, lines, issue.path, issue.message)],
  );
  const more =
    problems.length > SHOWN_PROBLEMS ? `\n  and ${problems.length - SHOWN_PROBLEMS} more` : '';
  throw new CliError(
    `${option} ${path}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.slice(0, SHOWN_PROBLEMS).join('\n  ')}${more}`}`,
    EXIT.usage,
  );
}

/** One problem as `line N: path: message`. */
function problem(
  document: Document,
  lines: LineCounter,
  path: PropertyKey[],
  message: string,
): string {
  const node = document.getIn(path as (string | number)[], true);
  // A key whose value is null has no node: point at the key instead.
  const offset = isNode(node) ? node.range?.[0] : keyOffset(document, path);
  const line = offset === undefined ? '' : `line ${lines.linePos(offset).line}: `;
  const where = formatPath(path);
  return `${line}${where ? `${where}: ` : ''}${message}`;
}

/** `checks[0].expect.attributes["https://…"]`: identifiers dotted, other keys quoted. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number'
        ? `[${key}]`
        : /^[A-Za-z_][\w-]*$/.test(String(key))
          ? `${i ? '.' : ''}${String(key)}`
          : `[${JSON.stringify(String(key))}]`,
    )
    .join('');
}

/** Where the key at the end of `path` sits, for keys whose value has no node of its own. */
function keyOffset(document: Document, path: PropertyKey[]): number | undefined {
  const parent = document.getIn(path.slice(0, -1) as (string | number)[], true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}
