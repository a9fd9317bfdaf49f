// Generated hostile shapes through the core's entry: each yields an inspection or the typed
// SamlInputError, never another exception, and each finishes within a generous bound. The shapes
// are the ones that were super-linear or unbounded before (issue 9), at random sizes and mixes.
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWS_ATTRIBUTES } from '../../src/core/aws/attributes.ts';
import { inspect, INPUT_LIMITS, SamlInputError } from '../../src/core/index.ts';
import {
  buildSamlResponse,
  providerArn,
  SAML_ENDPOINT,
  toBase64,
} from '../support/saml-fixture.ts';

const NOW = new Date('2026-01-01T00:30:00Z');
/** Linear paths take milliseconds at these sizes; a quadratic one takes seconds to minutes. */
const BOUND_MS = 2000;
const PROVIDER = providerArn('123456789012');

const count = (max: number) => fc.integer({ min: 0, max });
const unit = fc.constantFrom('/', ',', ' ', 'x', '<', '>', '"', "'", '=', '&', ':', '\n');

/** A run of `times` copies of a short random unit (what makes regexes and scanners backtrack). */
const run = (max: number) =>
  fc
    .tuple(fc.array(unit, { minLength: 1, maxLength: 3 }), count(max))
    .map(([chars, times]) => chars.join('').repeat(times));

const hostileXml = fc.oneof(
  // Recipient / Destination ending in a long run of slashes, then maybe something else.
  fc.tuple(count(100_000), fc.constantFrom('', 'x', ' ', '?a', '#', '/saml')).map(([n, tail]) => {
    const url = `${SAML_ENDPOINT}${'/'.repeat(n)}${tail}`;
    return buildSamlResponse({ recipient: url, destination: url });
  }),
  // A Role value made of a long random run (commas, slashes, quotes...) around the two ARNs.
  fc.tuple(run(60_000), fc.boolean()).map(([noise, before]) =>
    buildSamlResponse({
      roles: [[before ? `${noise}arn:aws:iam::123456789012:role/A` : `arn${noise}`, PROVIDER]],
    }),
  ),
  // Thousands of Role values.
  count(5000).map((n) =>
    buildSamlResponse({
      roles: Array.from({ length: n }, (_, i): [string, string] => [`r${i}`, 'p']),
    }),
  ),
  // Many AWS attributes of every kind.
  count(3000).map((n) =>
    buildSamlResponse({
      extraAttributes: Array.from({ length: n }, (_, i) => ({
        name: [
          `${AWS_ATTRIBUTES.principalTagPrefix}k${i}`,
          AWS_ATTRIBUTES.roleSessionName,
          AWS_ATTRIBUTES.sessionDuration,
          AWS_ATTRIBUTES.transitiveTagKeys,
        ][i % 4]!,
        values: [`${i}`],
      })),
    }),
  ),
  // Nesting around the limit: one level too deep is the typed error.
  fc
    .integer({ min: 1, max: INPUT_LIMITS.maxDepth + 4 })
    .map((depth) =>
      buildSamlResponse({ roles: [['DEEP', PROVIDER]] }).replace(
        `>DEEP,${PROVIDER}<`,
        `>${'<n>'.repeat(depth)}x${'</n>'.repeat(depth)}<`,
      ),
    ),
  // A long attribute value, namespace declarations and attributes on one element.
  fc
    .tuple(count(200_000), count(40_000), count(80_000))
    .map(([length, namespaces, attributes]) =>
      buildSamlResponse().replace(
        '<samlp:Status>',
        `<samlp:Status v="${'v'.repeat(length)}"${Array.from({ length: namespaces }, (_, i) => ` xmlns:p${i}="urn:x:${i}"`).join('')}${Array.from({ length: attributes }, (_, i) => ` a${i}="x"`).join('')}>`,
      ),
    ),
  // Random runs spliced into a real response at a random place.
  fc.tuple(run(50_000), fc.nat()).map(([noise, at]) => {
    const xml = buildSamlResponse();
    const cut = at % xml.length;
    return `${xml.slice(0, cut)}${noise}${xml.slice(cut)}`;
  }),
);

const hostileText = fc.oneof(
  hostileXml.map(toBase64),
  hostileXml,
  // Pasted HTML: unclosed inputs, textareas, quotes, at random counts.
  fc
    .tuple(
      fc.array(
        fc.constantFrom(
          '<input ',
          '<textarea name=a>',
          '<textarea name=',
          '<input name="',
          "<input a='",
          '</textarea',
          '<',
        ),
        { minLength: 1, maxLength: 4 },
      ),
      count(30_000),
    )
    .map(([tags, times]) => `<form>${tags.join('').repeat(times)}`),
  // HTTP-Redirect: DEFLATE of a long run (a small bomb) or of a response, maybe cut short.
  fc.tuple(count(4_000_000), fc.boolean(), fc.nat()).map(([size, bomb, cut]) => {
    const bytes = deflateRawSync(bomb ? Buffer.alloc(size, '<') : Buffer.from(buildSamlResponse()));
    return bytes.subarray(0, cut % 3 === 0 ? bytes.length >> 1 : bytes.length).toString('base64');
  }),
);

describe('hostile input properties', () => {
  it('every generated hostile input yields an inspection or SamlInputError, within the bound', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const start = performance.now();
        try {
          expect(inspect(text, { now: NOW })).toHaveProperty('aws.roles');
        } catch (error) {
          expect(error).toBeInstanceOf(SamlInputError);
        }
        expect(performance.now() - start).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
