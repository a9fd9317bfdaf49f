import { describe, expect, it } from 'vitest';
import { globMatches } from '../../../src/core/policy/glob.ts';
import { resolvePolicyValue } from '../../../src/core/policy/policy-variables.ts';

const values = new Map([
  ['saml:sub', 'alice'],
  ['saml:doc', '123456789012/MyIdP'],
]);
const lookup = (key: string) => values.get(key.toLowerCase());

describe('resolvePolicyValue', () => {
  it.each([
    ['home/${saml:sub}/*', 'home/alice/*'],
    ['${SAML:Sub}', 'alice'],
    ['${ saml:sub }', 'alice'],
    ['${saml:sub}-${saml:doc}', 'alice-123456789012/MyIdP'],
    ['${*}${?}${$}', '*?$'],
    ["${saml:missing, 'nobody'}", 'nobody'],
    ["${saml:missing, 'it''s'}", "it's"],
    ["${saml:sub, 'nobody'}", 'alice'],
    ['${', '${'],
    ['${}', '${}'],
    ['cost ${$}5', 'cost $5'],
    ['${constructor}x', null],
  ])('%j resolves to %j', (written, expected) => {
    const resolved = resolvePolicyValue(written, lookup);
    if (expected === null) expect(resolved).toEqual({ ok: false, variable: '${constructor}' });
    else expect(resolved.ok && resolved.text).toBe(expected);
  });

  it('names a variable without a value', () => {
    expect(resolvePolicyValue('home/${saml:uid}/', lookup)).toEqual({
      ok: false,
      variable: '${saml:uid}',
    });
  });

  it('keeps ${...} as text without Version 2012-10-17', () => {
    const resolved = resolvePolicyValue('${saml:sub}', lookup, false);
    expect(resolved.ok && resolved.text).toBe('${saml:sub}');
  });

  it('a substituted value is literal in a pattern, the policy’s own * is a wildcard', () => {
    const star = (key: string) => (key === 'saml:sub' ? '*' : undefined);
    const resolved = resolvePolicyValue('${saml:sub}@*', star);
    if (!resolved.ok) throw new Error('unresolved');
    expect(globMatches(resolved.pattern, '*@example.com')).toBe(true);
    expect(globMatches(resolved.pattern, 'mallory@example.com')).toBe(false);
    const escaped = resolvePolicyValue('a${*}b', star);
    if (!escaped.ok) throw new Error('unresolved');
    expect(globMatches(escaped.pattern, 'a*b')).toBe(true);
    expect(globMatches(escaped.pattern, 'axxb')).toBe(false);
  });

  it('does not run a second pass over a value that looks like a variable', () => {
    const sneaky = (key: string) => (key === 'saml:sub' ? '${saml:doc}' : undefined);
    const resolved = resolvePolicyValue('${saml:sub}', sneaky);
    expect(resolved.ok && resolved.text).toBe('${saml:doc}');
  });
});
