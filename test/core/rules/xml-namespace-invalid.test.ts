import { describe, expect, it } from 'vitest';
import { xmlNamespaceInvalid } from '../../../src/core/rules/xml-namespace-invalid.ts';
import { check } from './fixtures.ts';

describe('xml-namespace-invalid', () => {
  it('passes a response whose elements are all in their namespaces', () => {
    expect(check(xmlNamespaceInvalid)).toEqual([]);
  });

  it('reports every namespace problem in one error that says AWS refuses it', () => {
    const found = check(xmlNamespaceInvalid, {
      saml: {
        namespaceProblems: [
          'the prefix "saml2" of <saml2:Assertion> at line 1, column 90 is not declared by any xmlns:saml2',
          '<evil:Signature> is in the namespace urn:not-dsig, not http://www.w3.org/2000/09/xmldsig#, so it is not read',
        ],
      },
    });
    expect(found).toHaveLength(1);
    expect(xmlNamespaceInvalid.severity).toBe('error');
    expect(found[0]!.message).toContain('AWS');
    expect(found[0]!.message).toContain('saml2');
    expect(found[0]!.message).toContain('urn:not-dsig');
    expect(found[0]!.fix).toContain('xmlns:saml=');
  });
});
