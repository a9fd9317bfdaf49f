import { describe, expect, it } from 'vitest';
import {
  BRIDGE_PROTOCOL_VERSION as v,
  readBridgeRequest,
  readBridgeResponse,
} from '../../../src/core/bridge.ts';

const roleArn = 'arn:aws:iam::111111111111:role/Admin';
const credentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: '2026-11-28T04:00:00Z',
};

describe('readBridgeRequest', () => {
  it('reads a credentials request with its options', () => {
    expect(
      readBridgeRequest({
        v,
        id: 'a1',
        type: 'credentials',
        roleArn,
        durationSeconds: 3600,
        region: 'eu-west-1',
      }),
    ).toEqual({
      ok: true,
      value: {
        v,
        id: 'a1',
        type: 'credentials',
        roleArn,
        durationSeconds: 3600,
        region: 'eu-west-1',
      },
    });
  });

  it('reads a status request and drops fields it does not know', () => {
    expect(readBridgeRequest({ v, id: 's', type: 'status', extra: 1 })).toEqual({
      ok: true,
      value: { v, id: 's', type: 'status' },
    });
  });

  it.each([
    [null, 'not a JSON object'],
    [[], 'not a JSON object'],
    [{ v, id: '', type: 'status' }, '"id"'],
    [{ v, id: 'x'.repeat(65), type: 'status' }, '"id"'],
    [{ v, id: 'a b', type: 'status' }, '"id"'],
    [{ v: 2, id: 'a', type: 'status' }, 'protocol version 2'],
    [{ v, id: 'a', type: 'delete' }, 'unknown request type "delete"'],
    [{ v, id: 'a', type: 'credentials' }, '"roleArn"'],
    [{ v, id: 'a', type: 'credentials', roleArn: 'x'.repeat(2049) }, '"roleArn"'],
    [{ v, id: 'a', type: 'credentials', roleArn, durationSeconds: 899 }, '"durationSeconds"'],
    [{ v, id: 'a', type: 'credentials', roleArn, durationSeconds: 43201 }, '"durationSeconds"'],
    [{ v, id: 'a', type: 'credentials', roleArn, durationSeconds: 3600.5 }, '"durationSeconds"'],
    [{ v, id: 'a', type: 'credentials', roleArn, region: 7 }, '"region"'],
  ])('refuses %j, saying what was wrong', (message, problem) => {
    const read = readBridgeRequest(message);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toContain(problem);
  });

  it('keeps the id of a bad request so the answer can name it', () => {
    expect(readBridgeRequest({ v, id: 'q7', type: 'nope' })).toMatchObject({ ok: false, id: 'q7' });
  });
});

describe('readBridgeResponse', () => {
  it('reads credentials, status and errors', () => {
    expect(readBridgeResponse({ v, id: 'a', ok: true, type: 'credentials', credentials })).toEqual({
      ok: true,
      value: { v, id: 'a', ok: true, type: 'credentials', credentials },
    });
    const status = { extensionVersion: '0.1.0', roleArns: [roleArn] };
    expect(readBridgeResponse({ v, id: 'a', ok: true, type: 'status', status })).toEqual({
      ok: true,
      value: { v, id: 'a', ok: true, type: 'status', status },
    });
    const error = { code: 'idp-needs-user', message: 'sign in', signInUrl: 'https://idp.example/' };
    expect(readBridgeResponse({ v, id: 'a', ok: false, error })).toEqual({
      ok: true,
      value: { v, id: 'a', ok: false, error },
    });
  });

  it.each([
    [{ v, id: 'a', ok: 'yes' }, '"ok"'],
    [{ v, id: 'a', ok: false, error: { code: 'weird', message: 'm' } }, '"error"'],
    [
      {
        v,
        id: 'a',
        ok: true,
        type: 'credentials',
        credentials: { ...credentials, sessionToken: '' },
      },
      '"credentials"',
    ],
    [
      {
        v,
        id: 'a',
        ok: true,
        type: 'credentials',
        credentials: { ...credentials, expiration: 'soon' },
      },
      'ISO 8601',
    ],
    [
      { v, id: 'a', ok: true, type: 'status', status: { extensionVersion: '1', roleArns: [1] } },
      '"status"',
    ],
    [{ v, id: 'a', ok: true, type: 'other' }, 'unknown answer type'],
  ])('refuses %j', (message, problem) => {
    const read = readBridgeResponse(message);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toContain(problem);
  });
});
