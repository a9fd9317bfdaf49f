import type { SignatureInfo } from './model.ts';
import type { XmlNode } from './xml-tree.ts';

const REFERENCE_URI = /<(?:\w+:)?Reference\b[^>]*?\bURI\s*=\s*["']#?([^"']*)["']/;
const SIGNATURE_METHOD = /<(?:\w+:)?SignatureMethod\b[^>]*?\bAlgorithm\s*=\s*["']([^"']*)["']/;
const DIGEST_METHOD = /<(?:\w+:)?DigestMethod\b[^>]*?\bAlgorithm\s*=\s*["']([^"']*)["']/;

/**
 * Describes the enveloped signature that is a direct child of `parent`. The parser keeps the
 * Signature's inside as raw text (a stop node), so three small patterns read what is needed.
 */
export function readSignature(
  parent: XmlNode,
  on: SignatureInfo['on'],
  elementId: string | undefined,
): SignatureInfo | undefined {
  const raw = parent['Signature'];
  if (raw === undefined) return undefined;
  const first = Array.isArray(raw) ? raw[0] : raw;
  const inner =
    typeof first === 'string' ? first : typeof first?.['#text'] === 'string' ? first['#text'] : '';
  const info: SignatureInfo = { on };
  const referenceId = REFERENCE_URI.exec(inner)?.[1];
  const signatureAlgorithm = SIGNATURE_METHOD.exec(inner)?.[1];
  const digestAlgorithm = DIGEST_METHOD.exec(inner)?.[1];
  if (referenceId !== undefined) info.referenceId = referenceId;
  if (elementId !== undefined) info.elementId = elementId;
  if (signatureAlgorithm !== undefined) info.signatureAlgorithm = signatureAlgorithm;
  if (digestAlgorithm !== undefined) info.digestAlgorithm = digestAlgorithm;
  return info;
}
