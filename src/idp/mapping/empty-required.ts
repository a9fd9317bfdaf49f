import { AWS_ATTRIBUTES, nearestName } from '../../core/index.ts';
import type { ExpressionInput } from './expressions.ts';

// The attributes without which AWS refuses a sign-in, by their short names for messages.
const REQUIRED_BY_AWS = new Map<string, string>([
  [AWS_ATTRIBUTES.role, 'Role'],
  [AWS_ATTRIBUTES.roleSessionName, 'RoleSessionName'],
]);

// `user.name` and `user.attributes.name`: the accesses whose names can be checked against the
// user. Anchored on a word boundary and matched left to right, so one pass over the expression.
const USER_ACCESS = /\buser\s*\.\s*([A-Za-z_$][\w$]*)(?:\s*\.\s*([A-Za-z_$][\w$]*))?/g;
// The first names looked at; a typo worth naming is among them, and the scan stays bounded.
const MAX_ACCESSES = 100;

/** The short name of an attribute AWS requires, or undefined for any other attribute. */
export function requiredByAws(attributeName: string): string | undefined {
  return REQUIRED_BY_AWS.get(attributeName);
}

/**
 * Why an expression likely returned nothing: the first `user.X` (or `user.attributes.X`) that the
 * user does not have, with the nearest name it does have. Undefined when every name is known.
 */
export function likelyTypo(expression: string, input: ExpressionInput): string | undefined {
  const userKeys = Object.keys(input.user);
  const attributeKeys = Object.keys(input.user.attributes);
  let unknown: string | undefined;
  let seen = 0;
  for (const match of expression.matchAll(USER_ACCESS)) {
    if (++seen > MAX_ACCESSES) break;
    const [, property, member] = match as unknown as [string, string, string | undefined];
    let found: string | undefined;
    if (!userKeys.includes(property)) {
      const guess = nearestName(property, userKeys);
      found = `user.${property} is not a property of user${guess ? `: did you mean user.${guess}?` : ` (it has ${userKeys.join(', ')})`}`;
      if (guess) return found;
    } else if (property === 'attributes' && member !== undefined) {
      if (!attributeKeys.includes(member)) {
        const guess = nearestName(member, attributeKeys);
        found = `user.attributes.${member} is not an attribute of user ${input.user.username}${guess ? `: did you mean user.attributes.${guess}?` : ''}`;
        if (guess) return found;
      }
    }
    unknown ??= found;
  }
  return unknown;
}
