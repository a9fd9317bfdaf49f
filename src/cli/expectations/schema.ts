import * as z from 'zod';
import { RULES, type Expectation, type FindingLimits } from '../../core/inspect.ts';

// zod rather than a hand-written reader: the schema is the type (z.infer) so the two cannot drift,
// objects are strict (a misspelt key is an error, not a silently ignored expectation), and every
// problem comes back at once with its path, which readYamlFile turns into a line number.

const SEVERITY_LIMITS = ['errors', 'warnings', 'infos'] as const;
const KNOWN_CODES = new Set(RULES.map((rule) => rule.code));

const text = z.string({
  error: (issue) =>
    issue.input === undefined
      ? 'required'
      : `expected a string, got ${describe(issue.input)} (quote numbers, e.g. "3600", so YAML keeps them as written)`,
});
const patterns = z.array(text, { error: 'expected a list of ARN patterns' });
const count = z
  .number({ error: (issue) => `expected a whole number, got ${describe(issue.input)}` })
  .int({ error: 'expected a whole number' })
  .nonnegative({ error: 'expected 0 or more' });

/**
 * A YAML mapping read as a list of entries, each value checked with `value`. A plain record type
 * would drop a key named `__proto__`; this keeps every key the file has, as data.
 */
function entries<T>(value: z.ZodType<T>, what: string) {
  return z
    .custom<Record<string, unknown>>(isMapping, { error: `expected a mapping of ${what}` })
    .transform((mapping, context) => {
      const read: [string, T][] = [];
      for (const [key, raw] of Object.entries(mapping)) {
        const result = value.safeParse(raw);
        if (result.success) read.push([key, result.data]);
        else
          for (const issue of result.error.issues)
            context.issues.push({
              code: 'custom',
              message: issue.message,
              input: raw,
              path: [key, ...issue.path],
            });
      }
      return read;
    });
}

/** A mapping with only these keys; an unknown key is named with the ones allowed. */
function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key (allowed: ${allowed})`
        : `expected a mapping with ${allowed}, got ${describe(issue.input)}`,
  });
}

const roles = strict({
  exactly: patterns.optional(),
  atLeast: patterns.optional(),
  atMost: patterns.optional(),
})
  .refine((r) => r.exactly || r.atLeast || r.atMost, { error: 'give exactly, atLeast or atMost' })
  .refine((r) => !(r.exactly && (r.atLeast || r.atMost)), {
    error: 'give exactly, or atLeast and/or atMost, not both',
  });

const findings = entries(
  count,
  'limits (errors, warnings, infos or a finding code: count)',
).transform((limits, context): FindingLimits => {
  const read: FindingLimits = {};
  const codes: { code: string; atMost: number }[] = [];
  for (const [key, limit] of limits) {
    if ((SEVERITY_LIMITS as readonly string[]).includes(key))
      read[key as (typeof SEVERITY_LIMITS)[number]] = limit;
    else if (KNOWN_CODES.has(key)) codes.push({ code: key, atMost: limit });
    else
      context.issues.push({
        code: 'custom',
        input: key,
        path: [key],
        message: `"${key}" is neither errors, warnings, infos nor a finding code (see the rules table in the README)`,
      });
  }
  return codes.length ? { ...read, codes } : read;
});

/** One assertion's expectations: what EXPECT.yaml holds, and each check's `expect` in EXPECTS.yaml. */
export const expectationSchema = strict({
  roles: roles.optional(),
  sessionName: text.optional(),
  attributes: entries(
    z.array(text, { error: 'expected a list of values' }),
    'attribute name: [values]',
  )
    .transform((read) => read.map(([name, values]) => ({ name, values })))
    .optional(),
  findings: findings.optional(),
}).transform((read): Expectation => ({
  ...(read.roles ? { roles: roleLists(read.roles) } : {}),
  ...(read.sessionName !== undefined ? { sessionName: read.sessionName } : {}),
  ...(read.attributes ? { attributes: read.attributes } : {}),
  ...(read.findings ? { findings: read.findings } : {}),
}));

/** EXPECTS.yaml for `idp check`: what each user must get from each application. */
export const checksFileSchema = strict({
  checks: z
    .array(strict({ user: text, app: text, expect: expectationSchema }), {
      error: 'expected a list of { user, app, expect }',
    })
    .min(1, { error: 'list at least one check' }),
});

export type ChecksFile = z.infer<typeof checksFileSchema>;

function roleLists(read: {
  exactly?: string[] | undefined;
  atLeast?: string[] | undefined;
  atMost?: string[] | undefined;
}): NonNullable<Expectation['roles']> {
  return {
    ...(read.exactly ? { exactly: read.exactly } : {}),
    ...(read.atLeast ? { atLeast: read.atLeast } : {}),
    ...(read.atMost ? { atMost: read.atMost } : {}),
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
