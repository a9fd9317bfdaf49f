/** NameID formats an application may ask for, by their short names. */
export type NameIdFormat = 'persistent' | 'transient' | 'emailAddress' | 'unspecified';

/** Which element(s) carry an enveloped signature. */
export type SignMode = 'assertion' | 'response' | 'both';

/** Plain data as YAML gives it: what user and group attributes may hold. */
export type AttributeData =
  string | number | boolean | null | AttributeData[] | { [key: string]: AttributeData };

export interface IdpUser {
  username: string;
  name: string;
  email: string;
  password: string;
  groups: string[];
  attributes: Record<string, AttributeData>;
  /** May open `/applications/SLUG/preview` and add applications. Defaults to membership of `admins`. */
  admin: boolean;
  /** An avatar URL; SCIM's default mapping sends it as `photos`, as authentik's does. */
  photo?: string;
}

export interface IdpGroup {
  name: string;
  attributes: Record<string, AttributeData>;
}

/** One SAML attribute: a static value or a JavaScript function body evaluated per user. */
export interface AttributeMapping {
  name: string;
  friendlyName?: string;
  value?: string | string[];
  expression?: string;
}

export interface IdpApplication {
  slug: string;
  /** Shown on the applications page; defaults to the slug. */
  label: string;
  acsUrl: string;
  audience: string;
  nameIdFormat: NameIdFormat;
  /** Expression whose result becomes the NameID; default depends on `nameIdFormat`. */
  nameId?: string;
  assertionValidSeconds: number;
  sign: SignMode;
  mappings: AttributeMapping[];
  /** Sent as RelayState on IdP-initiated SSO when set (e.g. a console deep link). */
  relayState?: string;
  /** Only members of these groups see and may use the application; empty means everyone. */
  groups: string[];
  /** Provisioning of users and groups to the application's SCIM endpoint (IAM Identity Center). */
  scim?: ScimSettings;
}

/** Where the SCIM bearer token comes from: an environment variable or a file, never the config. */
export type ScimTokenSource = { env: string } | { file: string };

/**
 * One SCIM attribute override: a static value or an expression (the SAML mappings' kind, given
 * `user` and `application`) whose result replaces the default; null removes the attribute.
 * `name` is an attribute (`photos`) or one sub-attribute (`name.familyName`).
 */
export interface ScimMapping {
  name: string;
  value?: AttributeData;
  expression?: string;
}

export interface ScimSettings {
  /** The SCIM base URL, e.g. `https://scim.us-east-1.amazonaws.com/TENANT/scim/v2`, no trailing slash. */
  url: string;
  token: ScimTokenSource;
  /** Only members of these groups are provisioned; empty means everyone who may use the app. */
  userGroups: string[];
  /** The groups provisioned with their members; empty means the application's groups. */
  groups: string[];
  mappings: ScimMapping[];
}

export interface IdpConfig {
  /** Entity ID; when absent the server's own URL is used. */
  issuer?: string;
  users: IdpUser[];
  groups: IdpGroup[];
  applications: IdpApplication[];
  /** Where the configuration came from, for error messages (a path or `<demo>`). */
  source: string;
}
