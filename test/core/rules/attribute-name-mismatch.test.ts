import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../../src/core/aws/attributes.ts';
import { attributeNameMismatch } from '../../../src/core/rules/attribute-name-mismatch.ts';
import { attribute, check, validSaml, withoutAttributes } from './fixtures.ts';

const runWith = (...extra: ReturnType<typeof attribute>[]) =>
  check(attributeNameMismatch, { saml: { attributes: [...validSaml().attributes, ...extra] } });

describe('attribute-name-mismatch', () => {
  it('passes exact AWS names and unrelated attributes', () => {
    expect(check(attributeNameMismatch)).toEqual([]);
    expect(runWith(attribute('email', 'jane@example.com'), attribute('groups', 'dev'))).toEqual([]);
    expect(runWith(attribute('Role', 'admin'))).toEqual([]); // the full Role attribute is sent too
    expect(runWith(attribute(` ${AWS_ATTRIBUTES.sourceIdentity} `, 'jd'))).toEqual([]);
  });

  it('reports a name that differs only in case, naming the exact one', () => {
    const results = runWith(
      attribute('https://aws.amazon.com/SAML/Attributes/sessionduration', '3600'),
    );
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toContain(
      `not spelled exactly "${AWS_ATTRIBUTES.sessionDuration}"`,
    );
  });

  it('reports a bare "Role" when the full name is not sent', () => {
    const attributes = [...withoutAttributes(AWS_ATTRIBUTES.role), attribute('Role', 'arn:...')];
    const results = check(attributeNameMismatch, { saml: { attributes } });
    expect(results[0]!.message).toContain(`Attribute "Role" looks meant for AWS`);
  });

  it('reports a PrincipalTag prefix in the wrong case', () => {
    const results = runWith(
      attribute('https://aws.amazon.com/SAML/Attributes/principaltag:Project', 'x'),
    );
    expect(results[0]!.fix).toContain(`${AWS_ATTRIBUTES.principalTagPrefix}Project`);
  });
});
