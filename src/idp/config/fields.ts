import { configProblem } from './errors.ts';

/** Reads one mapping (a YAML object) strictly: unknown keys and wrong types are errors. */
export class FieldReader {
  constructor(
    private readonly source: string,
    readonly entry: string,
    private readonly data: Record<string, unknown>,
    allowedKeys: readonly string[],
  ) {
    for (const key of Object.keys(data)) {
      if (!allowedKeys.includes(key))
        throw this.fail(`unknown key "${key}" (allowed: ${allowedKeys.join(', ')})`);
    }
  }

  static object(
    source: string,
    entry: string,
    value: unknown,
    allowedKeys: readonly string[],
  ): FieldReader {
    if (!isPlainObject(value))
      throw configProblem(
        source,
        entry,
        `expected a mapping (key: value), found ${describe(value)}`,
      );
    return new FieldReader(source, entry, value, allowedKeys);
  }

  fail(problem: string): Error {
    return configProblem(this.source, this.entry, problem);
  }

  has(key: string): boolean {
    return this.data[key] !== undefined && this.data[key] !== null;
  }

  /** Whether the key is written at all, even as null (`photos: null` says "remove photos"). */
  present(key: string): boolean {
    return Object.hasOwn(this.data, key);
  }

  raw(key: string): unknown {
    return this.data[key];
  }

  string(key: string): string {
    const value = this.data[key];
    if (value === undefined || value === null) throw this.fail(`missing required field "${key}"`);
    if (typeof value !== 'string' || value.trim() === '')
      throw this.fail(`"${key}" must be a non-empty string, found ${describe(value)}`);
    return value;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  stringList(key: string): string[] {
    if (!this.has(key)) return [];
    const value = this.data[key];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw this.fail(`"${key}" must be a list of strings, found ${describe(value)}`);
    }
    return value as string[];
  }

  positiveInteger(key: string, fallback: number): number {
    if (!this.has(key)) return fallback;
    const value = this.data[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw this.fail(`"${key}" must be a positive whole number, found ${describe(value)}`);
    }
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const value = this.data[key];
    if (typeof value !== 'boolean')
      throw this.fail(`"${key}" must be true or false, found ${describe(value)}`);
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    if (!this.has(key)) return fallback;
    const value = this.data[key];
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw this.fail(`"${key}" must be one of ${allowed.join(' | ')}, found ${describe(value)}`);
    }
    return value as T;
  }

  list(key: string, required: boolean): unknown[] {
    if (!this.has(key)) {
      if (required) throw this.fail(`missing required field "${key}"`);
      return [];
    }
    const value = this.data[key];
    if (!Array.isArray(value)) throw this.fail(`"${key}" must be a list, found ${describe(value)}`);
    return value;
  }

  dataObject<T>(key: string): Record<string, T> {
    if (!this.has(key)) return {};
    const value = this.data[key];
    if (!isPlainObject(value))
      throw this.fail(`"${key}" must be a mapping (key: value), found ${describe(value)}`);
    return value as Record<string, T>;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}
