/** Bounds that keep hostile input from using unbounded memory or time. */
export const INPUT_LIMITS = {
  /** Decoded XML, as the issue asks: 1 MB. */
  maxXmlBytes: 1_048_576,
  /** Raw input text (an HTML page or a base64 value of a 1 MB document fits well within). */
  maxInputChars: 4 * 1_048_576,
  /** Element nesting; SAML responses are about 8 deep, SOAP-wrapped about 10. */
  maxDepth: 64,
} as const;
