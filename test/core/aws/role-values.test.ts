import { describe, expect, it } from 'vitest';
import {
  MAX_PARSED_PARTS,
  readRoleValue,
  roleValueProblem,
  significantParts,
} from '../../../src/core/aws/role-values.ts';

const ROLE = 'arn:aws:iam::123456789012:role/Dev';
const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/IdP';

describe('readRoleValue', () => {
  it('counts the parts past the ones it reads without keeping them', () => {
    const value = readRoleValue(`${ROLE},${PROVIDER}${','.repeat(1_000_000)}`, 0);
    expect(value.parts).toHaveLength(MAX_PARSED_PARTS);
    expect(value).toMatchObject({ partCount: 1_000_002, trailingEmptyParts: 1_000_000 });
    expect(value.pair?.roleArn).toBe(ROLE);
  });

  it('counts blank parts past the read ones as empty, and others as not', () => {
    const value = readRoleValue(`${ROLE},x,y,z, ,\t,w`, 0);
    expect(value).toMatchObject({ partCount: 7, emptyParts: 2, trailingEmptyParts: 0 });
    expect(significantParts(value)).toEqual({ count: 7, empty: 2 });
  });

  it('drops only the empty parts after two ARNs', () => {
    expect(significantParts(readRoleValue(`${ROLE},${PROVIDER}, ,`, 0))).toEqual({
      count: 2,
      empty: 0,
    });
    const leading = readRoleValue(`,${ROLE},`, 0);
    expect(significantParts(leading)).toEqual({ count: 2, empty: 1 });
    expect(leading.pair).toBeUndefined();
    expect(roleValueProblem(leading)).toMatch(/found 2 comma-separated parts \(1 empty\)/);
  });
});
