// Hostile inputs for the core, one builder per shape, each sized to about `bytes`. The benchmark
// (bench/adversarial.ts) and the regression tests (test/core/hostile-input.test.ts) share them, so
// the shape a test guards is the shape the benchmark measures.
import { constants, deflateRawSync } from 'node:zlib';
import { AWS_ATTRIBUTES } from '../../src/core/aws/attributes.ts';
import { INPUT_LIMITS } from '../../src/core/limits.ts';
import {
  buildSamlResponse,
  manyRoles,
  providerArn,
  roleArn,
  SAML_ENDPOINT,
  toBase64,
} from './saml-fixture.ts';

export interface HostileInput {
  name: string;
  /** What `saml-roles inspect` would read from the file: the text handed to the core's `inspect`. */
  input: string;
}

/** Just under the core's XML limit, so every shape reaches the parser instead of a size check. */
export const NEAR_LIMIT = Math.floor(INPUT_LIMITS.maxXmlBytes * 0.95);

const ROLE = roleArn('123456789012', 'Admin');
const PROVIDER = providerArn('123456789012');

/** A normal SAML response of `roles` pairs; the baseline every hostile shape is compared with. */
export function normalResponse(bytes = NEAR_LIMIT): HostileInput {
  // About 230 characters of XML per pair (AttributeValue markup and two ARNs).
  let roles = Math.floor(bytes / 230);
  let xml = buildSamlResponse({ roles: manyRoles(roles), sessionDuration: '3600' });
  while (xml.length > bytes) xml = buildSamlResponse({ roles: manyRoles((roles -= 50)) });
  return { name: `normal-${roles}-roles`, input: toBase64(xml) };
}

function repeatTo(unit: (i: number) => string, bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** Recipient and Destination ending in slashes, followed by one more character. */
export function trailingSlashes(bytes = NEAR_LIMIT): HostileInput {
  const url = `${SAML_ENDPOINT}${'/'.repeat(Math.floor((bytes - 3000) / 2))}x`;
  const xml = buildSamlResponse({ recipient: url, destination: url });
  return { name: 'slashes-in-recipient', input: toBase64(xml) };
}

/** An HTML page of unclosed `<input ` tags (no `>` anywhere after them). */
export function unclosedInputTags(bytes = 1_000_000): HostileInput {
  return { name: 'html-unclosed-input', input: `<form>${'<input '.repeat(bytes / 7)}` };
}

/** An HTML page of unclosed textareas, each with a name of its own. */
export function unclosedTextareas(bytes = 1_000_000): HostileInput {
  return {
    name: 'html-unclosed-textarea',
    input: `<form>${repeatTo((i) => `<textarea name=f${i}>`, bytes)}`,
  };
}

/**
 * HTTP-Redirect (raw DEFLATE) that inflates to about a thousand times its size: the same
 * compressed run of '<' repeated (each ends byte-aligned by a sync flush), then a final empty block.
 */
export function deflateBomb(bytes = 1_000_000): HostileInput {
  const run = deflateRawSync(Buffer.alloc(16 * 1_048_576, '<'), {
    level: 9,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const copies = Math.max(1, Math.round(bytes / run.length));
  const stream = Buffer.concat([...Array.from({ length: copies }, () => run), Buffer.from([3, 0])]);
  return { name: 'deflate-bomb', input: stream.toString('base64') };
}

/** One XML attribute value filling the document. */
export function longAttributeValue(bytes = NEAR_LIMIT): HostileInput {
  const xml = buildSamlResponse({ issuer: 'x'.repeat(8), sessionName: 'a' });
  const long = `<saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" Format="${'v'.repeat(bytes - xml.length - 200)}">`;
  return {
    name: 'long-attribute-value',
    input: toBase64(xml.replace(/<saml2:Issuer [^>]*>/, long)),
  };
}

/** Thousands of namespace declarations on the Response element. */
export function namespaceDeclarations(bytes = NEAR_LIMIT): HostileInput {
  const xml = buildSamlResponse();
  const declarations = repeatTo((i) => ` xmlns:p${i}="urn:x:${i}"`, bytes - xml.length - 100);
  return {
    name: 'namespace-declarations',
    input: toBase64(xml.replace('<samlp:Response ', `<samlp:Response${declarations} `)),
  };
}

/**
 * Namespace declarations spread over the deepest nesting allowed, and tens of thousands of
 * elements below them whose prefix is declared only at the top: a resolver that walks every
 * declaration in scope for each element does (elements x declarations) work.
 */
export function namespaceScopes(bytes = NEAR_LIMIT): HostileInput {
  const xml = buildSamlResponse();
  const levels = INPUT_LIMITS.maxDepth - 6;
  const open = Array.from(
    { length: levels },
    (_, level) =>
      `<q:s${Array.from({ length: 100 }, (_, i) => ` xmlns:d${level}x${i}="urn:d:${i}"`).join('')}${level === 0 ? ' xmlns:q="urn:q"' : ''}>`,
  ).join('');
  const close = '</q:s>'.repeat(levels);
  const leaves = repeatTo(() => '<q:e/>', bytes - xml.length - open.length - close.length);
  return {
    name: 'namespace-scopes',
    input: toBase64(xml.replace('<samlp:Status>', `${open}${leaves}${close}<samlp:Status>`)),
  };
}

function roleResponse(values: string[]): string {
  return buildSamlResponse({ roles: values.map((value) => [value, PROVIDER]) });
}

/** Role values of 100 KB each (a role name that long), filling the document. */
export function hugeRoleValues(bytes = NEAR_LIMIT): HostileInput {
  const one = `${ROLE}${'x'.repeat(100_000)}`;
  const count = Math.floor((bytes - 4000) / (one.length + PROVIDER.length + 100));
  return {
    name: 'role-value-100kb',
    input: toBase64(roleResponse(Array.from({ length: count }, () => one))),
  };
}

/** One Role value holding thousands of commas between the two ARNs. */
export function commaRoleValue(bytes = NEAR_LIMIT): HostileInput {
  const value = `${ROLE}${','.repeat(bytes - 4000)}`;
  return { name: 'role-value-commas', input: toBase64(roleResponse([value])) };
}

/** Thousands of short, malformed Role values (each one a finding). */
export function manyRoleValues(bytes = NEAR_LIMIT): HostileInput {
  const count = Math.floor((bytes - 4000) / 120);
  return {
    name: 'role-values-many',
    input: toBase64(
      buildSamlResponse({
        roles: Array.from({ length: count }, (_, i): [string, string] => [`r${i}`, 'p']),
      }),
    ),
  };
}

/** Role values nested as deep as the scanner allows, repeated to fill the document. */
export function deepNesting(bytes = NEAR_LIMIT): HostileInput {
  // Response > Assertion > AttributeStatement > Attribute > AttributeValue: 5 levels already.
  const depth = INPUT_LIMITS.maxDepth - 6;
  const subtree = `${'<n>'.repeat(depth)}${ROLE},${PROVIDER}${'</n>'.repeat(depth)}`;
  const xml = roleResponse(['DEEP']);
  const nested = repeatTo(() => subtree, bytes - xml.length);
  return {
    name: 'deep-nesting',
    input: toBase64(xml.replace(`>DEEP,${PROVIDER}<`, `>${nested}<`)),
  };
}

/** Thousands of AWS attributes: PrincipalTags, session names, durations, transitive keys. */
export function manyAwsAttributes(bytes = NEAR_LIMIT): HostileInput {
  const kinds = [
    (i: number) => ({ name: `${AWS_ATTRIBUTES.principalTagPrefix}k${i}`, values: [`v${i}`] }),
    (i: number) => ({ name: AWS_ATTRIBUTES.roleSessionName, values: [`s${i}`] }),
    (i: number) => ({ name: AWS_ATTRIBUTES.sessionDuration, values: [String(900 + i)] }),
    (i: number) => ({ name: AWS_ATTRIBUTES.transitiveTagKeys, values: [`k${i}`] }),
    (i: number) => ({ name: AWS_ATTRIBUTES.sourceIdentity, values: [`i${i}`] }),
  ];
  const count = Math.floor((bytes - 4000) / 250);
  const extraAttributes = Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!(i));
  return {
    name: 'aws-attributes-many',
    input: toBase64(buildSamlResponse({ extraAttributes, sessionName: null })),
  };
}

/** One element with tens of thousands of distinct attributes. */
export function manyXmlAttributes(bytes = NEAR_LIMIT): HostileInput {
  const xml = buildSamlResponse();
  const attributes = repeatTo((i) => ` a${i}="x"`, bytes - xml.length - 100);
  return {
    name: 'element-many-attributes',
    input: toBase64(xml.replace('<samlp:Status>', `<samlp:Status${attributes}>`)),
  };
}

/** Every hostile shape, in the order the benchmark prints them. */
export const HOSTILE_SHAPES: readonly ((bytes?: number) => HostileInput)[] = [
  trailingSlashes,
  unclosedInputTags,
  unclosedTextareas,
  deflateBomb,
  longAttributeValue,
  namespaceDeclarations,
  namespaceScopes,
  hugeRoleValues,
  commaRoleValue,
  manyRoleValues,
  deepNesting,
  manyAwsAttributes,
  manyXmlAttributes,
];
