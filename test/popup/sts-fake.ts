// A fetch that answers like the AWS stand-in's STS (its own XML builders), recording each call.
import type { FetchLike, KnownPartition, RolePair } from '../../src/core/index.ts';
import { assumeRoleWithSamlResponse, stsError } from '../../src/idp/standin/sts-xml.ts';
import type { StandInResponse } from '../../src/idp/standin/types.ts';

export interface StsCall {
  url: string;
  params: URLSearchParams;
}

export const NOW = Date.parse('2030-01-01T00:00:00Z');

/** Grants every role for `DurationSeconds` (default 3600) unless `answer` says otherwise. */
export function fakeSts(
  answer: (call: StsCall) => StandInResponse | Error | undefined = () => undefined,
): { fetch: FetchLike; calls: StsCall[]; inFlight: { max: number } } {
  const calls: StsCall[] = [];
  const inFlight = { now: 0, max: 0 };
  const fetch: FetchLike = async (url, init) => {
    const call = { url, params: new URLSearchParams(init.body ?? '') };
    calls.push(call);
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight.now--;
    const custom = answer(call);
    if (custom instanceof Error) throw custom;
    const roleArn = call.params.get('RoleArn') ?? '';
    const seconds = Number(call.params.get('DurationSeconds') ?? 3600);
    const response =
      custom ??
      assumeRoleWithSamlResponse({
        roleArn,
        assumedRoleArn:
          roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + '/bob',
        sessionName: 'bob',
        expiration: new Date(NOW + seconds * 1000),
        subject: 'bob',
        subjectType: 'persistent',
        issuer: 'https://idp.example.com/',
        audience: 'https://signin.aws.amazon.com/saml',
        nameQualifier: 'q',
      });
    return { status: response.status, text: async () => response.body };
  };
  return { fetch, calls, inFlight };
}

export const tooLong = (): StandInResponse =>
  stsError(
    'ValidationError',
    'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
  );

/** A role of the Role attribute, with its provider `idp` in the same account. */
export const rolePair = (
  account: string,
  name: string,
  partition: KnownPartition = 'aws',
): RolePair => ({
  roleArn: `arn:${partition}:iam::${account}:role/${name}`,
  providerArn: `arn:${partition}:iam::${account}:saml-provider/idp`,
  partition,
  accountId: account,
  roleName: name,
  providerName: 'idp',
});
