import type { Rule } from '../lint/types.ts';

export const identityCenter: Rule = {
  code: 'identity-center',
  severity: 'info',
  summary: 'Recognises an IAM Identity Center response (no Role attribute expected) and says so.',
  check(context) {
    const found = context.aws.identityCenter;
    if (!found) return [];
    const region = found.region ? ` in ${found.region}` : '';
    return [
      {
        message: `This is an IAM Identity Center response${region} (ACS ${found.acsUrl}): Identity Center assigns permission sets itself, so the IAM federation Role and RoleSessionName attributes are not expected and were not checked.`,
        fix: 'Nothing to change for Identity Center. For IAM SAML federation instead, send the response to https://signin.aws.amazon.com/saml with Role and RoleSessionName attributes.',
      },
    ];
  },
};
