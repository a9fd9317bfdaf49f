/**
 * RFC 3986 percent-encoding, as the AWS SDKs encode query-API parameters: everything but
 * unreserved characters, so base64's `+`, `/` and `=` always arrive intact.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `name=value&...` in the order given; undefined values are left out. */
export function encodeForm(fields: ReadonlyArray<readonly [string, string | undefined]>): string {
  return fields
    .filter((field): field is readonly [string, string] => field[1] !== undefined)
    .map(([name, value]) => `${encodeQueryValue(name)}=${encodeQueryValue(value)}`)
    .join('&');
}
