import { SamlInputError } from '../errors.ts';
import type { DecodedInput } from './types.ts';
import { decodeBase64Value } from './value.ts';

/** The fields of a POST to AWS's SAML endpoint, as a browser reports them. */
export interface PostedForm {
  SAMLResponse: string;
  RelayState?: string;
  roleIndex?: string;
}

/**
 * Decodes a SAMLResponse whose form fields are already known (what the extension captures). No
 * detection and no HTTP-Redirect inflate: the POST binding is plain base64, and keeping the other
 * readers out of this path keeps them out of the extension's worker bundle.
 */
export function decodePostedForm(form: PostedForm): DecodedInput {
  if (form.SAMLResponse.trim() === '')
    throw new SamlInputError('empty', 'the SAMLResponse field is empty');
  return decodeBase64Value({
    form: 'form-body',
    value: form.SAMLResponse.trim(),
    ...(form.RelayState ? { relayState: form.RelayState } : {}),
    ...(form.roleIndex ? { roleIndex: form.roleIndex } : {}),
  });
}
