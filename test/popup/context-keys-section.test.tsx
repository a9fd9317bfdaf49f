import type { ComponentChildren, VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/core/inspect.ts';
import { contextKeysByProvider } from '../../src/core/policy.ts';
import { ContextKeysSection } from '../../src/popup/components/context-keys-section.tsx';
import { buildSamlResponse, providerArn, roleArn, toBase64 } from '../support/saml-fixture.ts';
import { expand } from './expand.ts';

const PROVIDER = providerArn('123456789012', 'MyIdP');
const OTHER = providerArn('210987654321', 'Other');

const inspection = inspect(
  toBase64(
    buildSamlResponse({
      nameId: 'alice',
      roles: [
        [roleArn('123456789012', 'Dev'), PROVIDER],
        [roleArn('210987654321', 'Ops'), OTHER],
      ],
      extraAttributes: [
        { name: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1', values: ['staff', 'member'] },
        {
          name: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:Team',
          values: ['<b>Platform</b>'],
        },
      ],
    }),
  ),
  { now: new Date('2026-01-01T00:30:00Z') },
);

/** The buttons of a hook-free tree, with their props, so a test can press them. */
function buttons(node: ComponentChildren): Record<string, unknown>[] {
  if (node === null || node === undefined || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(buttons);
  const vnode = node as VNode<Record<string, unknown> & { children?: ComponentChildren }>;
  if (typeof vnode.type === 'function')
    return buttons((vnode.type as (props: object) => ComponentChildren)(vnode.props));
  const own = vnode.type === 'button' ? [vnode.props] : [];
  return [...own, ...buttons(vnode.props.children)];
}

function render() {
  const copies: [string, string][] = [];
  const node = ContextKeysSection({
    byProvider: contextKeysByProvider(inspection).keys,
    copy: (label, text) => void copies.push([label, text]),
  });
  return { node, copies };
}

describe('ContextKeysSection', () => {
  it('shows each provider with the keys its trust policies see, as text', () => {
    const { text, tags } = expand(render().node);
    expect(text).toContain('Context keys (what a trust policy sees)');
    expect(text).toContain(PROVIDER);
    expect(text).toContain(OTHER);
    expect(text).toContain('saml:doc123456789012/MyIdP');
    expect(text).toContain('saml:doc210987654321/Other');
    expect(text).toContain('saml:edupersonaffiliationstaff, member');
    expect(text).toContain('aws:RequestTag/Team<b>Platform</b>');
    expect(tags).not.toContain('b');
  });

  it('copies one provider as JSON, and each key on its own', () => {
    const { node, copies } = render();
    const all = buttons(node);
    const json = all.filter((props) => props['data-testid'] === 'copy-context-keys');
    expect(json).toHaveLength(2);
    (json[1]!['onClick'] as () => void)();
    expect(copies[0]?.[0]).toBe(`Context keys of ${OTHER}`);
    expect(JSON.parse(copies[0]![1])).toMatchObject({
      'saml:doc': '210987654321/Other',
      'saml:sub': 'alice',
      'saml:edupersonaffiliation': ['staff', 'member'],
    });
    const one = all.find(
      (props) =>
        props['data-testid'] === 'copy-context-key' &&
        props['title'] === 'Copy saml:edupersonaffiliation',
    );
    (one!['onClick'] as () => void)();
    expect(copies[1]).toEqual(['saml:edupersonaffiliation', 'staff\nmember']);
  });

  it('says how many providers are not listed', () => {
    const { text } = expand(
      ContextKeysSection({
        byProvider: contextKeysByProvider(inspection).keys,
        omitted: 3,
        copy: () => undefined,
      }),
    );
    expect(text).toContain('3 more providers not listed');
  });

  it('renders nothing without a Role pair (an IAM Identity Center response)', () => {
    expect(ContextKeysSection({ byProvider: {}, copy: () => undefined })).toBeNull();
  });
});
