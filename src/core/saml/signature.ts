import type { SignatureInfo } from './model.ts';
import type { NamespacedReader } from './namespaced-reader.ts';
import { NS } from './namespaces.ts';
import { attribute, type XmlElement } from './xml-tree.ts';

/**
 * Describes the enveloped `<ds:Signature>` that is a direct child of `parent`, if there is one.
 * Only an XML-DSig Signature counts: one in another namespace, or none, is what AWS ignores.
 */
export function readSignature(
  xml: NamespacedReader,
  parent: XmlElement,
  on: SignatureInfo['on'],
  elementId: string | undefined,
): SignatureInfo | undefined {
  const signature = xml.child(parent, NS.dsig, 'Signature', 'strict');
  if (!signature) return undefined;
  const signedInfo = xml.child(signature, NS.dsig, 'SignedInfo', 'strict');
  const reference = xml.child(signedInfo, NS.dsig, 'Reference', 'strict');
  const info: SignatureInfo = { on };
  const uri = attribute(reference, 'URI');
  const signatureAlgorithm = attribute(
    xml.child(signedInfo, NS.dsig, 'SignatureMethod', 'strict'),
    'Algorithm',
  );
  const digestAlgorithm = attribute(
    xml.child(reference, NS.dsig, 'DigestMethod', 'strict'),
    'Algorithm',
  );
  if (uri !== undefined) info.referenceId = uri.startsWith('#') ? uri.slice(1) : uri;
  if (elementId !== undefined) info.elementId = elementId;
  if (signatureAlgorithm !== undefined) info.signatureAlgorithm = signatureAlgorithm;
  if (digestAlgorithm !== undefined) info.digestAlgorithm = digestAlgorithm;
  return info;
}
