import vm from 'node:vm';

/**
 * How long one expression may run before it is stopped: a guard against endless loops. It is wall
 * time, so it is generous enough that a busy machine (a CI run, a laptop compiling) never stops a
 * correct expression.
 */
export const EXPRESSION_TIMEOUT_MS = 1000;

/** What an expression sees: plain data, rebuilt inside the context so no host object leaks in. */
export interface ExpressionInput {
  user: {
    username: string;
    name: string;
    email: string;
    /** The avatar URL, or '' when the user has none. */
    photo: string;
    groups: string[];
    attributes: Record<string, unknown>;
    /** The user's groups' attributes merged, groups sorted by name, later overriding earlier. */
    groupAttributes: Record<string, unknown>;
  };
  application: { slug: string; label: string; acsUrl: string; audience: string };
}

/** The result kinds a mapping may return, normalised: null means "leave the attribute out". */
export type ExpressionValue = string[] | null;

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
}

// Runs in every context: parses the JSON input there so `user` and its methods belong to the
// context's own realm, then calls the compiled function with the documented parameters.
const BOOTSTRAP = `
globalThis.__call = (fn, json) => {
  const input = JSON.parse(json);
  const merged = input.user.groupAttributes;
  const user = Object.freeze({ ...input.user, groupAttributes: () => JSON.parse(JSON.stringify(merged)) });
  return fn(user, Object.freeze(input.application));
};`;
const CALL = new vm.Script('__call(__fn, __json)');

// The body runs inside a function of the documented parameters, one line after its start.
const WRAPPER_START = '(function (user, application) {\n';
const WRAPPER_END = '\n})';
const SCRIPT_NAME = 'mapping-expression';
// V8 starts a SyntaxError's stack with "name:line", the source line, and a caret under the column.
const SYNTAX_AT = new RegExp(`^${SCRIPT_NAME}:(\\d+)\\n[^\\n]*\\n( *)\\^`);

/**
 * Where a syntax error is, in the expression's own lines: " at line L, column C of the
 * expression", or at its end when V8 reports the hidden wrapper's last line. Empty when V8 gave
 * no position.
 */
function syntaxErrorPosition(error: unknown, body: string): string {
  const stack =
    typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : '';
  const match = typeof stack === 'string' ? SYNTAX_AT.exec(stack) : null;
  const lines = body.split('\n');
  if (!match) return '';
  const line = Number(match[1]) - 1;
  if (line >= 1 && line <= lines.length)
    return ` at line ${line}, column ${match[2]!.length + 1} of the expression`;
  // The end as the user sees it: after the last line with something on it (YAML's `|` adds a newline).
  let last = lines.length;
  while (last > 1 && lines[last - 1]!.trim() === '') last--;
  return ` at the end of the expression (line ${last}, column ${lines[last - 1]!.trimEnd().length + 1})`;
}

/**
 * A mapping expression compiled once: a JavaScript function body run in its own `node:vm` context
 * with a time limit. It stops endless loops and keeps configuration code off the server's globals
 * by accident; it is NOT a sandbox: `node:vm` is no security boundary, and a config file is code the
 * operator chose to run. The context object has no prototype, so `this.constructor` resolves inside
 * the context (whose code generation from strings is off), not to the host's `Function`.
 */
export class CompiledExpression {
  private readonly context: vm.Context;
  private readonly fn: unknown;

  constructor(
    body: string,
    readonly label: string,
  ) {
    this.context = vm.createContext(Object.create(null) as object, {
      codeGeneration: { strings: false, wasm: false },
    });
    new vm.Script(BOOTSTRAP).runInContext(this.context);
    try {
      const script = new vm.Script(`${WRAPPER_START}${body}${WRAPPER_END}`, {
        filename: SCRIPT_NAME,
      });
      this.fn = script.runInContext(this.context, { timeout: EXPRESSION_TIMEOUT_MS });
    } catch (error) {
      throw new ExpressionError(
        `expression does not compile: ${messageOf(error)}${syntaxErrorPosition(error, body)}`,
      );
    }
  }

  /** Runs the expression; throws ExpressionError on a throw, a timeout or a result of the wrong type. */
  run(input: ExpressionInput): ExpressionValue {
    return normalise(this.call(input));
  }

  /**
   * Runs the expression for a result of any JSON shape (a SCIM mapping may return objects and
   * lists of them): copied out as JSON so nothing of the context's realm leaks; undefined is null.
   */
  runData(input: ExpressionInput): unknown {
    const result = this.call(input);
    if (result === undefined) return null;
    try {
      return JSON.parse(JSON.stringify(result)) as unknown;
    } catch (error) {
      throw new ExpressionError(
        `expression returned a value that is not JSON data: ${messageOf(error)}`,
      );
    }
  }

  private call(input: ExpressionInput): unknown {
    this.context.__fn = this.fn;
    this.context.__json = JSON.stringify(input);
    let result: unknown;
    try {
      result = CALL.runInContext(this.context, { timeout: EXPRESSION_TIMEOUT_MS });
    } catch (error) {
      if (isTimeout(error))
        throw new ExpressionError(
          `expression ran longer than ${EXPRESSION_TIMEOUT_MS} ms and was stopped`,
        );
      throw new ExpressionError(`expression threw: ${messageOf(error)}`);
    }
    return result;
  }
}

function normalise(result: unknown): ExpressionValue {
  if (result === null || result === undefined || result === '') return null;
  if (typeof result === 'string') return [result];
  if (typeof result === 'number' || typeof result === 'boolean') return [String(result)];
  if (Array.isArray(result)) {
    const bad = result.findIndex((item) => typeof item !== 'string' && typeof item !== 'number');
    if (bad >= 0)
      throw new ExpressionError(
        `expression returned a list whose item ${bad} is ${typeName(result[bad])}; return strings`,
      );
    const values = result.map(String).filter((item) => item !== '');
    return values.length > 0 ? values : null;
  }
  throw new ExpressionError(
    `expression returned ${typeName(result)}; return a string, a list of strings, or null`,
  );
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
  );
}

function messageOf(error: unknown): string {
  // Errors thrown inside the context come from another realm: `instanceof Error` is false for them.
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}
