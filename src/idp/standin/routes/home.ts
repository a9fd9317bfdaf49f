import { html } from '../../pages/html.ts';
import { htmlResponse, STAND_IN_NAME, type StandInRoute } from '../types.ts';

export const homeRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: /^\/$/,
    handle: () =>
      htmlResponse(
        200,
        html`<!doctype html><title>${STAND_IN_NAME}</title>
          <h1>${STAND_IN_NAME}</h1>
          <p>
            A local test double, not AWS. POST /saml answers like the AWS SAML sign-in endpoint;
            POST / with Action=AssumeRoleWithSAML answers like STS.
          </p>`.value,
      ),
  },
];
