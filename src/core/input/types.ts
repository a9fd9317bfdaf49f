/** The shape the user's input arrived in, detected automatically. */
export type InputForm =
  | 'base64'
  | 'url-encoded'
  | 'form-body'
  /** A form body inside other text: a copied HTTP request, a curl command. */
  | 'http-request'
  /** A HAR file or other JSON holding the value. */
  | 'json'
  | 'html-form'
  | 'redirect'
  | 'xml'
  | 'soap'
  | 'assertion';

/** What `decodeInput` found: the XML plus what is needed to re-POST it. */
export interface DecodedInput {
  form: InputForm;
  /** The decoded XML text of the Response (or bare Assertion). */
  xml: string;
  /**
   * The base64 SAMLResponse exactly as an IdP would POST it (re-encoded when the input was XML or
   * HTTP-Redirect), so a consumer can re-POST it to AWS.
   */
  samlResponse: string;
  /** Length of the base64 value as it arrived (AWS rejects more than 100,000 characters). */
  base64Length: number;
  relayState?: string;
  /** `roleIndex` when the input was AWS's own role-selection re-POST. */
  roleIndex?: string;
  /**
   * Text a person pasted or a file (decodeInput), not a browser's POST: a value that ends early
   * is then reported as a copy that was cut off.
   */
  pasted?: true;
}
