// decode + parse + lint, beside the way peer tools do it (xmldom DOM + element traversal) and
// beside the floor: base64 decoding alone and one regex pass over the same XML.
import { DOMParser } from '@xmldom/xmldom';
import { XMLParser } from 'fast-xml-parser';
import { inspect } from '../src/core/index.ts';
import { decodeBase64, decodeUtf8 } from '../src/core/encoding/index.ts';
import { scanXml } from '../src/core/saml/xml-scan.ts';
import { buildSamlResponse, manyRoles, toBase64 } from '../test/support/saml-fixture.ts';
import { medianMs, round, type BenchRow } from './stats.ts';

const ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const NOW = new Date('2026-01-01T00:30:00Z');

/** What peer extensions do: atob, DOMParser, getElementsByTagNameNS, split each value. */
function baselineRoles(base64: string): string[][] {
  const xml = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const pairs: string[][] = [];
  const attributes = doc.getElementsByTagNameNS(ASSERTION_NS, 'Attribute');
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes.item(i)!;
    if (attribute.getAttribute('Name') !== ROLE_ATTRIBUTE) continue;
    const values = attribute.getElementsByTagNameNS(ASSERTION_NS, 'AttributeValue');
    for (let j = 0; j < values.length; j++)
      pairs.push((values.item(j)!.textContent ?? '').split(',').map((s) => s.trim()));
  }
  return pairs;
}

const VALUE = /<(?:\w+:)?AttributeValue\b[^>]*>([^<]*)</g;

export function runCoreBench(sizes = [10, 100, 1000, 5000]): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const roles of sizes) {
    const xml = buildSamlResponse({
      roles: manyRoles(roles),
      providerFirst: (i) => i % 3 === 0,
      sessionDuration: '3600',
    });
    const base64 = toBase64(xml);
    const check = inspect(base64, { now: NOW });
    if (check.aws.roles.length !== roles || baselineRoles(base64).length !== roles)
      throw new Error(`bench fixture for ${roles} roles is not read back whole`);
    const ours = medianMs(() => inspect(base64, { now: NOW }));
    const baseline = medianMs(() => baselineRoles(base64));
    const base64Only = medianMs(() => decodeUtf8(decodeBase64(base64), 'bench'));
    const regexPass = medianMs(() => {
      let count = 0;
      for (const _ of xml.matchAll(VALUE)) count++;
      return count;
    });
    const floor = base64Only + regexPass;
    if (roles === 1000) {
      // Why the core has its own scanner: the same document through fast-xml-parser's plain parse.
      const plain = new XMLParser();
      const scan = medianMs(() => scanXml(xml));
      const fxp = medianMs(() => plain.parse(xml));
      rows.push({
        name: 'xml-parse-1000-roles',
        roles,
        medianMs: round(scan),
        baselineMedianMs: round(fxp),
        speedup: round(fxp / scan, 2),
      });
    }
    rows.push({
      name: `inspect-${roles}-roles`,
      roles,
      base64Chars: base64.length,
      medianMs: round(ours),
      baselineMedianMs: round(baseline),
      speedup: round(baseline / ours, 2),
      base64DecodeMs: round(base64Only),
      regexPassMs: round(regexPass),
      ratioToFloor: round(ours / floor, 2),
    });
  }
  return rows;
}
