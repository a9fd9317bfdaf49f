// Plain interfaces the extension's logic depends on, so tests can hand in in-memory versions.

/** A key-value storage area (storage.session, storage.local or a test double). */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  getAll(): Promise<Record<string, unknown>>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

/** The form body of a request, as the browser reported it. */
export interface RequestBody {
  formData?: Record<string, string[]>;
  raw?: Uint8Array[];
}

/** A POST to an AWS SAML endpoint, normalised across browsers. */
export interface SamlPost {
  tabId: number;
  url: string;
  body: RequestBody;
  /** The page that posted (Chrome: origin only; Firefox: full URL). */
  initiator?: string;
}

export interface Badge {
  text: string;
  color: string;
}

/** What a background sign-in tab's page holds, read by a script injected into it. */
export interface LandedPage {
  url: string;
  /** Password inputs on the page. */
  passwordFields: number;
  /** Forms carrying a SAMLResponse field (an IdP's auto-post page). */
  samlForms: number;
}

/** What happens in a background sign-in tab. */
export type SignInTabEvent =
  | { kind: 'post'; post: SamlPost }
  /** The tab finished loading a page; undefined when the page could not be read. */
  | { kind: 'landed'; page: LandedPage | undefined };
