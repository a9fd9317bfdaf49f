import { describe, expect, it } from 'vitest';
import { SamlInputError } from '../../../src/core/errors.ts';
import { attributeValue, scanXml, scanXmlDocument } from '../../../src/core/saml/xml-scan.ts';

// Time bounds are generous for a shared machine: the quadratic scans these replace took 13-24 s.
describe('scanXml namespaces', () => {
  it('gives each element and attribute its namespace URI and leaves out declarations', () => {
    const root = scanXml(
      '<a:r xmlns:a="urn:a" xmlns="urn:d" a:x="1" y="2" xml:lang="en"><c/><a:c xmlns:a="urn:b"/><c xmlns=""/></a:r>',
    );
    expect(root).toMatchObject({ name: 'r', prefix: 'a', namespace: 'urn:a' });
    expect(root.attributes).toEqual([
      'a:x',
      'urn:a',
      '1',
      'y',
      '',
      '2',
      'xml:lang',
      'http://www.w3.org/XML/1998/namespace',
      'en',
    ]);
    expect(root.children.map((c) => c.namespace)).toEqual(['urn:d', 'urn:b', '']);
    expect(attributeValue(root, 'y')).toBe('2');
  });

  it('records an undeclared prefix with its position and goes on scanning', () => {
    const scan = scanXmlDocument('<r>\n  <p:c p:a="1"/><p:c/></r>');
    expect(scan.root.children).toHaveLength(2);
    expect(scan.root.children[0]).toMatchObject({ name: 'c', prefix: 'p', namespace: '' });
    expect(scan.namespaceProblems).toHaveLength(1);
    expect(scan.namespaceProblems[0]).toMatch(/prefix "p".*line 2, column 3/);
  });

  it('refuses two attributes with one name, even among many', () => {
    expect(() => scanXml('<r a="1" a="2"/>')).toThrow(/attribute a appears twice/);
    expect(() => scanXml('<r xmlns:p="u" xmlns:p="v"/>')).toThrow(/xmlns:p appears twice/);
    const many = Array.from({ length: 50 }, (_, i) => ` a${i}="v"`).join('');
    expect(() => scanXml(`<r${many} a7="x"/>`)).toThrow(/attribute a7 appears twice/);
    expect(() => scanXml(`<r xmlns:p="u" xmlns:q="u" p:a="1" q:a="2"/>`)).toThrow(SamlInputError);
  });

  it('keeps attribute names away from prototypes', () => {
    const root = scanXml('<r __proto__="1" constructor="2" toString="3"/>');
    expect(attributeValue(root, '__proto__')).toBe('1');
    expect(attributeValue(root, 'constructor')).toBe('2');
    expect(attributeValue(root, 'hasOwnProperty')).toBeUndefined();
  });

  it('scans one element with 80,000 attributes in linear time', () => {
    const attributes = Array.from({ length: 80_000 }, (_, i) => ` a${i}="v"`).join('');
    const started = performance.now();
    const root = scanXml(`<r${attributes}/>`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(root.attributes.length).toBe(80_000 * 3);
  });

  it('scans thousands of namespace declarations in linear time', () => {
    const declarations = Array.from({ length: 20_000 }, (_, i) => ` xmlns:p${i}="urn:${i}"`).join(
      '',
    );
    const children = Array.from({ length: 20_000 }, (_, i) => `<p${i}:c/>`).join('');
    const started = performance.now();
    const root = scanXml(`<r${declarations}>${children}</r>`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(root.children[19_999]!.namespace).toBe('urn:19999');
  });

  it('lists reserved bindings and malformed names in bounded time and space', () => {
    const children = '<c xmlns:xml="urn:bad"/><p:/>'.repeat(30_000);
    const started = performance.now();
    const scan = scanXmlDocument(`<r xmlns:p="urn:p">${children}</r>`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(scan.namespaceProblems).toHaveLength(11);
    expect(scan.namespaceProblems[0]).toMatch(/xmlns:xml="urn:bad" at line 1, column 20/);
    expect(scan.namespaceProblems[1]).toMatch(/<p:> at line 1, column 44 is not/);
    expect(scan.namespaceProblems[10]).toBe('59990 more namespace problems not listed');
  });
});
