import { describe, expect, it } from 'vitest';
import type { RolePair } from '../../../src/core/index.ts';
import { assumeAllRoles } from '../../../src/core/sts/all-roles.ts';
import { assumeRoleWithSaml } from '../../../src/core/sts/client.ts';
import { mapWithLimit } from '../../../src/core/sts/limit.ts';
import type { FetchLike } from '../../../src/core/sts/types.ts';

// Key IDs are padded with X to the 16 characters AWS's shortest key has; keyOf takes it off.
const successXml = (key: string) => `<AssumeRoleWithSAMLResponse>
  <AssumeRoleWithSAMLResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/${key}/s</Arn></AssumedRoleUser>
    <Credentials><AccessKeyId>${key.padEnd(20, 'X')}</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>IQoJb3JpZ2luX2VjEOz//////////wEaCXVz</SessionToken>
      <Expiration>2026-01-31T12:00:00Z</Expiration></Credentials>
  </AssumeRoleWithSAMLResult>
</AssumeRoleWithSAMLResponse>`;

const PARAMS = {
  roleArn: 'arn:aws:iam::123456789012:role/Dev',
  principalArn: 'arn:aws:iam::123456789012:saml-provider/Okta',
  samlAssertion: 'PHNhbWw+',
  endpoint: 'https://sts.amazonaws.com/',
};

describe('assumeRoleWithSaml', () => {
  it('POSTs the built request through the fetch it is given and reads the answer', async () => {
    const calls: Parameters<FetchLike>[] = [];
    const fetch: FetchLike = (url, init) => {
      calls.push([url, init]);
      return Promise.resolve({ status: 200, text: () => Promise.resolve(successXml('ASIA1')) });
    };
    const result = await assumeRoleWithSaml({ ...PARAMS, durationSeconds: 1800 }, { fetch });
    expect(result.ok && result.credentials.accessKeyId).toBe('ASIA1XXXXXXXXXXXXXXX');
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe('https://sts.amazonaws.com/');
    expect(calls[0]![1]).toMatchObject({ method: 'POST' });
    expect(calls[0]![1].body).toMatch(/^Action=AssumeRoleWithSAML&.*&DurationSeconds=1800$/);
  });

  it('turns a network failure into NetworkError with the host and the cause', async () => {
    const fetch: FetchLike = () =>
      Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    const result = await assumeRoleWithSaml(PARAMS, { fetch });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'NetworkError',
        message: 'sts.amazonaws.com: fetch failed (ECONNREFUSED)',
        meaning: 'No answer arrived: the endpoint could not be reached.',
      },
    });
  });

  it('passes the known MaxSessionDuration on for the retry suggestion', async () => {
    const fetch: FetchLike = () =>
      Promise.resolve({
        status: 400,
        text: () =>
          Promise.resolve(
            '<ErrorResponse><Error><Code>ValidationError</Code><Message>The requested DurationSeconds exceeds the MaxSessionDuration set for this role.</Message></Error></ErrorResponse>',
          ),
      });
    const result = await assumeRoleWithSaml(
      { ...PARAMS, durationSeconds: 43200 },
      { fetch, maxSessionDuration: 7200 },
    );
    expect(result.ok || result.error).toMatchObject({
      retryDurationSeconds: 7200,
      meaning:
        "The requested session length (43200 s) is longer than the role's maximum session duration.",
    });
  });

  it('throws for a bad duration before anything is sent', async () => {
    let sent = false;
    const fetch: FetchLike = () => {
      sent = true;
      return Promise.reject(new Error('unreachable'));
    };
    await expect(assumeRoleWithSaml({ ...PARAMS, durationSeconds: 60 }, { fetch })).rejects.toThrow(
      /DurationSeconds "60"/,
    );
    expect(sent).toBe(false);
  });
});

/** A fetch that holds every call until released, counting how many are in flight. */
function gatedFetch() {
  let inFlight = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const fetch: FetchLike = async (_url, init) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight--;
    const role = /RoleArn=[^&]*role%2F([^&]+)/.exec(init.body ?? '')![1]!;
    if (role.startsWith('Bad'))
      return {
        status: 403,
        text: async () =>
          '<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>',
      };
    return { status: 200, text: async () => successXml(role) };
  };
  return { fetch, waiting, peak: () => peak };
}

const role = (name: string): RolePair => ({
  roleArn: `arn:aws:iam::123456789012:role/${name}`,
  providerArn: 'arn:aws:iam::123456789012:saml-provider/Okta',
  partition: 'aws',
  accountId: '123456789012',
  roleName: name,
  providerName: 'Okta',
});

describe('assumeAllRoles', () => {
  it('keeps at most `limit` calls in flight and returns results in the roles order', async () => {
    const gate = gatedFetch();
    const roles = ['R0', 'R1', 'Bad2', 'R3', 'R4', 'R5', 'R6', 'Bad7', 'R8', 'R9'].map(role);
    const settled: string[] = [];
    const all = assumeAllRoles(
      roles,
      { samlAssertion: 'PHNhbWw+', endpointFor: () => 'https://sts.amazonaws.com/' },
      {
        fetch: gate.fetch,
        limit: 3,
        onResult: (r, result) => settled.push(`${r.roleName}:${result.ok}`),
      },
    );
    // Release calls one at a time, last first, so completion order differs from role order.
    while (settled.length < roles.length) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(gate.waiting.length).toBeLessThanOrEqual(3);
      gate.waiting.pop()?.();
    }
    const results = await all;
    expect(gate.peak()).toBe(3);
    expect(results.map((r) => r.role.roleName)).toEqual(roles.map((r) => r.roleName));
    expect(
      results.map((r) =>
        r.result.ok ? r.result.credentials.accessKeyId.replace(/X+$/, '') : r.result.error.code,
      ),
    ).toEqual(['R0', 'R1', 'AccessDenied', 'R3', 'R4', 'R5', 'R6', 'AccessDenied', 'R8', 'R9']);
    expect(settled).toHaveLength(10);
  });

  it('defaults to 4 in flight', async () => {
    const gate = gatedFetch();
    const all = assumeAllRoles(
      Array.from({ length: 9 }, (_, i) => role(`R${i}`)),
      { samlAssertion: 'PHNhbWw+', endpointFor: () => 'https://sts.amazonaws.com/' },
      { fetch: gate.fetch },
    );
    for (let done = 0; done < 9; done++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      gate.waiting.shift()?.();
    }
    await all;
    expect(gate.peak()).toBe(4);
  });
});

describe('mapWithLimit', () => {
  it('handles no items and a limit above the item count', async () => {
    expect(await mapWithLimit([], 4, async () => 1)).toEqual([]);
    expect(await mapWithLimit([1, 2], 10, async (x) => x * 2)).toEqual([2, 4]);
  });
});
