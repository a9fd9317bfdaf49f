import type { SignatureInfo } from './model.ts';
import { attribute, child, type XmlElement } from './xml-tree.ts';

/** Describes the enveloped `<ds:Signature>` that is a direct child of `parent`, if there is one. */
export function readSignature(
  parent: XmlElement,
  on: SignatureInfo['on'],
  elementId: string | undefined,
): SignatureInfo | undefined {
  const signature = child(parent, 'Signature');
  if (!signature) return undefined;
  const signedInfo = child(signature, 'SignedInfo');
  const reference = child(signedInfo, 'Reference');
  const info: SignatureInfo = { on };
  const uri = attribute(reference, 'URI');
  const signatureAlgorithm = attribute(child(signedInfo, 'SignatureMethod'), 'Algorithm');
  const digestAlgorithm = attribute(child(reference, 'DigestMethod'), 'Algorithm');
  if (uri !== undefined) info.referenceId = uri.startsWith('#') ? uri.slice(1) : uri;
  if (elementId !== undefined) info.elementId = elementId;
  if (signatureAlgorithm !== undefined) info.signatureAlgorithm = signatureAlgorithm;
  if (digestAlgorithm !== undefined) info.digestAlgorithm = digestAlgorithm;
  return info;
}
