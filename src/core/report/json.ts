import type { RolePair } from '../aws/types.ts';
import type { Inspection } from '../inspect/inspection.ts';
import type { SamlAttribute, SamlStatus, SignatureInfo } from '../saml/model.ts';
import type { Finding } from '../lint/types.ts';

export interface ReportOptions {
  /** Include the raw base64 SAMLResponse. Off by default: it is a bearer credential. */
  includeRaw?: boolean;
}

/** The stable machine-readable report (`saml-roles inspect --json`, "Copy as JSON"). */
export interface JsonReport {
  form: string;
  kind: 'response' | 'assertion';
  roles: RolePair[];
  roleProblems: { value: string; index: number; reason: string }[];
  sessionName: string | null;
  sessionDuration: number | null;
  sourceIdentity: string | null;
  principalTags: Record<string, string>;
  transitiveTagKeys: string[];
  issuer: string | null;
  nameId: { value: string; format: string | null } | null;
  audiences: string[];
  recipient: string | null;
  destination: string | null;
  inResponseTo: string | null;
  notBefore: string | null;
  notOnOrAfter: string | null;
  subjectNotOnOrAfter: string | null;
  status: SamlStatus;
  signatures: SignatureInfo[];
  encryptedAssertion: boolean;
  identityCenter: { acsUrl: string; region?: string } | null;
  relayState: string | null;
  attributes: SamlAttribute[];
  findings: Finding[];
  samlResponse?: string;
}

export function toJsonReport(inspection: Inspection, options: ReportOptions = {}): JsonReport {
  const { saml, aws, input, findings } = inspection;
  const report: JsonReport = {
    form: input.form,
    kind: saml.kind,
    roles: aws.roles,
    roleProblems: aws.roleProblems,
    sessionName: aws.sessionName ?? null,
    sessionDuration: aws.sessionDuration ?? null,
    sourceIdentity: aws.sourceIdentity ?? null,
    principalTags: aws.principalTags,
    transitiveTagKeys: aws.transitiveTagKeys,
    issuer: saml.issuer ?? null,
    nameId: saml.nameId ? { value: saml.nameId.value, format: saml.nameId.format ?? null } : null,
    audiences: saml.audiences,
    recipient: saml.recipient ?? null,
    destination: saml.destination ?? null,
    inResponseTo: saml.inResponseTo ?? null,
    notBefore: saml.notBefore ?? null,
    notOnOrAfter: saml.notOnOrAfter ?? null,
    subjectNotOnOrAfter: saml.subjectNotOnOrAfter ?? null,
    status: saml.status,
    signatures: saml.signatures,
    encryptedAssertion: saml.encryptedAssertion,
    identityCenter: aws.identityCenter ?? null,
    relayState: input.relayState ?? null,
    attributes: saml.attributes,
    findings,
  };
  if (options.includeRaw) report.samlResponse = input.samlResponse;
  return report;
}
