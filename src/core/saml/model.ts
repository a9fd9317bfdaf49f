/** One `<Attribute>` with every `<AttributeValue>` as text (surrounding whitespace kept). */
export interface SamlAttribute {
  name: string;
  friendlyName?: string;
  nameFormat?: string;
  values: string[];
}

/** Where an enveloped `<ds:Signature>` sits and the ID its Reference points at. */
export interface SignatureInfo {
  on: 'response' | 'assertion';
  /** The `Reference URI` without its leading '#'. */
  referenceId?: string;
  /** The ID attribute of the element holding the signature. */
  elementId?: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
}

export interface SamlStatus {
  code?: string;
  subCode?: string;
  message?: string;
}

/** A SAML 2.0 Response (or bare Assertion), the parts a person or AWS cares about. */
export interface SamlMessage {
  /** 'response' for samlp:Response, 'assertion' for a bare saml:Assertion. */
  kind: 'response' | 'assertion';
  responseId?: string;
  assertionId?: string;
  inResponseTo?: string;
  issueInstant?: string;
  /** Response Issuer, else Assertion Issuer. */
  issuer?: string;
  destination?: string;
  status: SamlStatus;
  nameId?: { value: string; format?: string };
  /** Every Audience of every AudienceRestriction. */
  audiences: string[];
  /** SubjectConfirmationData Recipient. */
  recipient?: string;
  /** Conditions NotBefore / NotOnOrAfter, ISO-8601 as sent. */
  notBefore?: string;
  notOnOrAfter?: string;
  /** SubjectConfirmationData NotOnOrAfter. */
  subjectNotOnOrAfter?: string;
  authnInstant?: string;
  sessionIndex?: string;
  signatures: SignatureInfo[];
  /** An EncryptedAssertion is present (its attributes cannot be read without the SP key). */
  encryptedAssertion: boolean;
  /** Attributes of the (first) assertion, in document order. */
  attributes: SamlAttribute[];
  /**
   * Undeclared prefixes and SAML, XML-DSig or XML-Enc elements outside their namespaces, which
   * AWS refuses; elements in no namespace were still read so they can be shown. Bounded.
   */
  namespaceProblems: string[];
}
