import { CliError, EXIT } from './io.ts';

/** The `--now` option: an ISO-8601 instant, or a usage error naming what was given. */
export function parseNow(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? new Date(value)
    : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new CliError(
      `--now ${JSON.stringify(value)} is not an ISO-8601 instant such as 2026-01-31T12:00:00Z`,
      EXIT.usage,
    );
  return date;
}
