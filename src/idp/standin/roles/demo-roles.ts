import { signinUrl } from '../judge/aws-endpoints.ts';
import type { StandInRoleSpec } from './judge-trust.ts';

/**
 * The demo's roles that need more than the console's trust policy. carol signs in through the
 * us-east-2 endpoint, so `SAML:aud` is that endpoint: AWS asks for it in the role's trust policy
 * next to the global one (IAM, "regional SAML endpoints"), and the demo shows how.
 */
export function demoStandInRoles(): StandInRoleSpec[] {
  return [
    {
      arn: 'arn:aws:iam::444455556666:role/Analyst',
      maxSessionDuration: 28_800,
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::444455556666:saml-provider/local' },
            Action: 'sts:AssumeRoleWithSAML',
            Condition: {
              StringEquals: {
                'SAML:aud': [signinUrl('aws'), 'https://us-east-2.signin.aws.amazon.com/saml'],
              },
            },
          },
        ],
      },
    },
  ];
}
