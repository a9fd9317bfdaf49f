import type { Rule } from '../lint/types.ts';

export const xmlNamespaceInvalid: Rule = {
  code: 'xml-namespace-invalid',
  severity: 'error',
  summary:
    'Every prefix is declared, and SAML, XML-DSig and XML-Enc elements are in their namespaces.',
  check(context) {
    const problems = context.saml.namespaceProblems;
    if (problems.length === 0) return [];
    return [
      {
        message: `AWS reads SAML by namespace and will refuse this response: ${problems.join('; ')}. What is shown here was read by local name where it could be.`,
        fix: 'Have the IdP declare each prefix it uses (xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion", xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol", xmlns:ds="http://www.w3.org/2000/09/xmldsig#") and put each element in its namespace; a namespace-aware XML library does this by itself.',
      },
    ];
  },
};
