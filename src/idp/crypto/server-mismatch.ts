import { certificateSha256, type ServerRecord } from './server-record.ts';

/** What `idp mint` or `idp metadata` is about to print with: its data dir, address and key. */
export interface OfflineSigning {
  command: 'mint' | 'metadata';
  dataDir: string;
  /** No --data-dir was given: the server uses this directory too when started without one. */
  dataDirIsDefault: boolean;
  /** The server address it assumed (`--url`, default http://127.0.0.1:7000). */
  url: string;
  entityId: string;
  certBase64: string;
  /** The data dir had no key, so this run made one. */
  keyCreated: boolean;
}

/**
 * One line saying how this output differs from what the IdP last started with the same data dir
 * signs with, or undefined when it matches (or nothing is known to compare with). Metadata with
 * another key or entityID, uploaded to IAM, makes a provider that refuses the server's responses.
 */
export function serverMismatch(
  ours: OfflineSigning,
  record: ServerRecord | undefined,
): string | undefined {
  const dir = ours.dataDir;
  if (!record)
    return ours.keyCreated
      ? `warning: ${dir} held no signing key, so this made a new one there; the IdP signs with it only when started ${ours.dataDirIsDefault ? 'without --data-dir' : `with --data-dir ${dir}`}`
      : undefined;
  const problems: string[] = [];
  if (record.certSha256 !== certificateSha256(ours.certBase64))
    problems.push(
      record.keySource === 'given'
        ? `signed with its --cert/--key, not the key in ${dir}`
        : `signed with another key than ${dir} holds now`,
    );
  const urlFix = record.entityId === record.url ? ` (pass --url ${record.url})` : '';
  if (record.entityId !== ours.entityId)
    problems.push(`signed as ${record.entityId}, not ${ours.entityId}${urlFix}`);
  else if (ours.command === 'metadata' && record.url !== ours.url)
    problems.push(
      `served SSO at ${record.url}/sso, not ${ours.url}/sso (pass --url ${record.url})`,
    );
  if (problems.length === 0) return undefined;
  const consequence =
    ours.command === 'metadata'
      ? 'IAM given this metadata would refuse its responses'
      : 'this response would not verify against its metadata';
  return `warning: the IdP last started with data dir ${dir} (at ${record.url}, ${record.startedAt}) ${problems.join(', and ')}; ${consequence}`;
}
