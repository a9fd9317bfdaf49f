/**
 * `1234567` → `"1,234,567"`, as `toLocaleString('en-US')` writes a count, without loading ICU's
 * number formatting (tens of ms on a cold start of the CLI, which credential_process pays on
 * every AWS call).
 */
export function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
