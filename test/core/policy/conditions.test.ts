import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy, type ContextKeys } from '../../../src/core/policy.ts';

const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/MyIdP';

const CONTEXT: ContextKeys = Object.assign(Object.create(null) as Record<string, string[]>, {
  'saml:aud': ['https://signin.aws.amazon.com/saml'],
  'saml:sub': ['alice@example.com'],
  'saml:iss': ['https://idp.example.com/metadata'],
  'saml:doc': ['123456789012/MyIdP'],
  'saml:edupersonaffiliation': ['staff', 'member'],
  'aws:RequestTag/Team': ['Platform'],
  'aws:TagKeys': ['Team'],
  'sts:RoleSessionName': ['alice@example.com'],
  'saml:arn': ['arn:aws:iam::123456789012:saml-provider/MyIdP'],
  'saml:flag': ['true'],
});

/** One Allow statement for the provider and AssumeRoleWithSAML with this Condition. */
function allows(condition: Record<string, unknown>, version = '2012-10-17'): boolean {
  return evaluateTrustPolicy(
    {
      Version: version,
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: condition,
      },
    },
    { providerArn: PROVIDER, context: CONTEXT, actions: ['sts:AssumeRoleWithSAML'] },
  ).allowed;
}

describe('condition operators, one table row per case', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    // String(Not)Equals: exact and case-sensitive; several values ORed (negated: NORed)
    ['StringEquals match', { StringEquals: { 'saml:sub': 'alice@example.com' } }, true],
    ['StringEquals case differs', { StringEquals: { 'saml:sub': 'Alice@example.com' } }, false],
    [
      'StringEquals one of several',
      { StringEquals: { 'saml:sub': ['bob', 'alice@example.com'] } },
      true,
    ],
    [
      'StringEquals key name ignores case',
      { StringEquals: { 'SAML:AUD': 'https://signin.aws.amazon.com/saml' } },
      true,
    ],
    ['StringEquals missing key', { StringEquals: { 'saml:uid': 'alice' } }, false],
    ['StringNotEquals differs', { StringNotEquals: { 'saml:sub': 'bob' } }, true],
    [
      'StringNotEquals NOR',
      { StringNotEquals: { 'saml:sub': ['bob', 'alice@example.com'] } },
      false,
    ],
    ['StringNotEquals missing key holds', { StringNotEquals: { 'saml:uid': 'alice' } }, true],
    // IgnoreCase
    [
      'StringEqualsIgnoreCase',
      { StringEqualsIgnoreCase: { 'saml:sub': 'ALICE@Example.COM' } },
      true,
    ],
    [
      'StringNotEqualsIgnoreCase',
      { StringNotEqualsIgnoreCase: { 'saml:sub': 'ALICE@example.com' } },
      false,
    ],
    // String(Not)Like
    ['StringLike suffix', { StringLike: { 'saml:sub': '*@example.com' } }, true],
    ['StringLike ?', { StringLike: { 'saml:sub': 'alic?@example.com' } }, true],
    ['StringLike no match', { StringLike: { 'saml:sub': '*@corp.example.com' } }, false],
    ['StringLike is case-sensitive', { StringLike: { 'saml:sub': 'ALICE*' } }, false],
    ['StringNotLike', { StringNotLike: { 'saml:sub': '*@evil.com' } }, true],
    ['StringNotLike matches', { StringNotLike: { 'saml:sub': ['x', 'alice*'] } }, false],
    ['StringNotLike missing key holds', { StringNotLike: { 'saml:uid': '*' } }, true],
    // IfExists
    ['StringEqualsIfExists missing', { StringEqualsIfExists: { 'saml:uid': 'alice' } }, true],
    ['StringEqualsIfExists present, wrong', { StringEqualsIfExists: { 'saml:sub': 'bob' } }, false],
    ['StringLikeIfExists present', { StringLikeIfExists: { 'saml:sub': 'alice*' } }, true],
    // ForAnyValue / ForAllValues on a list key
    [
      'ForAnyValue:StringEquals',
      { 'ForAnyValue:StringEquals': { 'saml:edupersonaffiliation': 'staff' } },
      true,
    ],
    [
      'ForAnyValue:StringEquals none',
      { 'ForAnyValue:StringEquals': { 'saml:edupersonaffiliation': 'student' } },
      false,
    ],
    ['ForAnyValue missing key', { 'ForAnyValue:StringEquals': { 'saml:uid': 'x' } }, false],
    [
      'ForAnyValue:StringNotEquals some other',
      { 'ForAnyValue:StringNotEquals': { 'saml:edupersonaffiliation': 'staff' } },
      true,
    ],
    [
      'ForAllValues:StringEquals all listed',
      {
        'ForAllValues:StringEquals': {
          'saml:edupersonaffiliation': ['staff', 'member', 'faculty'],
        },
      },
      true,
    ],
    [
      'ForAllValues:StringEquals one not listed',
      { 'ForAllValues:StringEquals': { 'saml:edupersonaffiliation': ['staff'] } },
      false,
    ],
    ['ForAllValues missing key holds', { 'ForAllValues:StringEquals': { 'saml:uid': 'x' } }, true],
    [
      'ForAllValues:StringNotLike',
      { 'ForAllValues:StringNotLike': { 'saml:edupersonaffiliation': 'stud*' } },
      true,
    ],
    [
      'ForAllValues:StringLike tag keys',
      { 'ForAllValues:StringLike': { 'aws:TagKeys': ['Team', 'Project'] } },
      true,
    ],
    [
      'no prefix on a list key: any value',
      { StringEquals: { 'saml:edupersonaffiliation': 'member' } },
      true,
    ],
    // Null
    ['Null true, key absent', { Null: { 'sts:SourceIdentity': 'true' } }, true],
    ['Null true, key present', { Null: { 'saml:sub': 'true' } }, false],
    ['Null false, key present', { Null: { 'saml:sub': 'false' } }, true],
    ['Null false, key absent', { Null: { 'sts:SourceIdentity': false } }, false],
    // Bool
    ['Bool true', { Bool: { 'saml:flag': 'true' } }, true],
    ['Bool JSON boolean', { Bool: { 'saml:flag': true } }, true],
    ['Bool false', { Bool: { 'saml:flag': 'false' } }, false],
    ['Bool missing', { Bool: { 'saml:absent': 'true' } }, false],
    // ARN operators: per part, wildcards within a part
    ['ArnLike', { ArnLike: { 'saml:arn': 'arn:aws:iam::*:saml-provider/*' } }, true],
    [
      'ArnEquals takes wildcards too',
      { ArnEquals: { 'saml:arn': 'arn:aws:iam::123456789012:saml-provider/My*' } },
      true,
    ],
    ['ArnLike wrong account', { ArnLike: { 'saml:arn': 'arn:aws:iam::999999999999:*' } }, false],
    [
      'ArnLike * does not span parts',
      { ArnLike: { 'saml:arn': 'arn:*:saml-provider/MyIdP' } },
      false,
    ],
    ['ArnLike non-ARN value', { ArnLike: { 'saml:sub': 'arn:*:*:*:*:*' } }, false],
    ['ArnNotLike', { ArnNotLike: { 'saml:arn': 'arn:aws:iam::999999999999:*' } }, true],
    ['ArnNotEquals missing key', { ArnNotEquals: { 'saml:absent': 'arn:aws:iam::1:x' } }, true],
    ['Latin-1 in a policy is allowed', { StringEquals: { 'saml:sub': 'José' } }, false],
    // AND across keys and operators
    [
      'two keys ANDed, both hold',
      {
        StringEquals: {
          'saml:sub': 'alice@example.com',
          'saml:iss': 'https://idp.example.com/metadata',
        },
      },
      true,
    ],
    [
      'two keys ANDed, one fails',
      { StringEquals: { 'saml:sub': 'alice@example.com', 'saml:iss': 'https://other' } },
      false,
    ],
    [
      'two operators ANDed',
      {
        StringLike: { 'saml:sub': '*@example.com' },
        StringNotEquals: { 'saml:sub': 'alice@example.com' },
      },
      false,
    ],
    // policy variables
    ['${saml:sub} in a value', { StringEquals: { 'sts:RoleSessionName': '${saml:sub}' } }, true],
    [
      '${saml:doc} in a Like pattern',
      { StringLike: { 'saml:arn': 'arn:aws:iam::*:saml-provider/${saml:doc}' } },
      false,
    ],
    [
      'unresolved variable: the statement does not apply',
      { StringNotEquals: { 'saml:sub': '${saml:uid}' } },
      false,
    ],
    ['default value', { StringEquals: { 'saml:sub': "${saml:uid, 'alice@example.com'}" } }, true],
    [
      'a list key is no variable',
      { StringEquals: { 'saml:sub': '${saml:edupersonaffiliation}' } },
      false,
    ],
    ['${*} is a literal star', { StringLike: { 'saml:sub': 'alice${*}' } }, false],
    ['tag variable', { StringEquals: { 'aws:RequestTag/Team': '${aws:RequestTag/Team}' } }, true],
  ])('%s', (_, condition, expected) => {
    expect(allows(condition)).toBe(expected);
  });

  it('variables are plain text under Version 2008-10-17', () => {
    expect(allows({ StringEquals: { 'sts:RoleSessionName': '${saml:sub}' } }, '2008-10-17')).toBe(
      false,
    );
  });
});
