/**
 * What to change for the refusals IAM Identity Center is known for ("Limitations from SCIM
 * specification" and "Supported user and group attributes" in its guides). Matched on the
 * server's words, first match wins; an unknown refusal is shown as the server said it.
 */
const ADVICE: { status?: number; match: RegExp; advice: (found: string) => string }[] = [
  {
    status: 400,
    match: /\b(photos|ims|entitlements|x509Certificates|password)\b/i,
    advice: (found) =>
      `${found} is not supported by IAM Identity Center: add a mapping that removes it (scim: mappings: - { name: ${found}, value: null })`,
  },
  {
    status: 400,
    match:
      /\b(emails|phoneNumbers|addresses)\b.*\b(one|single|multiple|more than)\b|\b(one|single|multiple|more than)\b.*\b(emails|phoneNumbers|addresses)\b/i,
    advice: () =>
      'IAM Identity Center takes one value of emails, phoneNumbers and addresses: map the attribute to a list of one (the primary)',
  },
  {
    status: 400,
    match:
      /\b(givenName|familyName|displayName|name)\b.*\brequired\b|\brequired\b.*\b(givenName|familyName|displayName|name)\b/i,
    advice: () =>
      'IAM Identity Center requires name.givenName, name.familyName and displayName: give the user a two-word name or add mappings for them',
  },
  {
    status: 409,
    match: /./s,
    advice: () =>
      'a resource of that name already exists on the server but not as this one (another IdP or a manual entry): rename it in the config or remove it on the server',
  },
  {
    status: 401,
    match: /.?/s,
    advice: () =>
      'the token was refused: check the tokenEnv or tokenFile (Identity Center tokens expire a year after they are made; make a new one under Settings → Automatic provisioning)',
  },
  {
    status: 403,
    match: /.?/s,
    advice: () =>
      'the token may not do this: check it is the SCIM access token of this Identity Center instance',
  },
  {
    status: 429,
    match: /.?/s,
    advice: () => 'the server is throttling: run the sync again in a minute',
  },
];

/** What to change for this refusal, or undefined when it is not a known one. */
export function adviceFor(status: number, text: string): string | undefined {
  for (const rule of ADVICE) {
    if (rule.status !== undefined && rule.status !== status) continue;
    const match = rule.match.exec(text);
    if (match) return rule.advice(match.slice(1).find((group) => group !== undefined) ?? '');
  }
  return undefined;
}
