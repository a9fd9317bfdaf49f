import { type Clock, systemClock } from '../../core/inspect.ts';
import { createFederationRoutes } from './federation.ts';
import { homeRoutes } from './routes/home.ts';
import { scimRoutes, type ScimService } from './scim/scim-routes.ts';
import { scimPageRoutes } from './scim/scim-page.ts';
import { samlRoutes } from './routes/saml.ts';
import { stsRoutes } from './routes/sts.ts';
import {
  allowEveryTrustPolicy,
  type JudgeTrust,
  type StandInRoleSpec,
} from './roles/judge-trust.ts';
import { RoleTable } from './roles/role-table.ts';
import { parseTrustedIdpMetadata, type TrustedIdp } from './trust.ts';
import {
  htmlResponse,
  type StandInContext,
  type StandInRequest,
  type StandInResponse,
  type StandInRoute,
} from './types.ts';

export interface StandInHandlerOptions {
  /** Metadata XML of each IdP to trust, as uploaded to IAM. */
  trustedIdpMetadata?: string[];
  /** IdPs already read from their metadata (the command reads files and names them in errors). */
  trustedIdps?: readonly TrustedIdp[];
  now?: Clock;
  /** Roles with their MaxSessionDuration and trust policy; others get IAM's defaults. */
  roles?: readonly StandInRoleSpec[];
  /**
   * Evaluates a role's trust policy; every policy allows unless one is given. The command
   * (`startStandInCommand`, what users and the e2e suite run) gives IAM's, `judgeTrustWithIam`.
   */
  judgeTrust?: JudgeTrust;
  /** Extra routes (e.g. federation endpoints) tried before the built-in ones. */
  routes?: StandInRoute[];
  /** Serve Identity Center's SCIM API at /scim/v2 with this store and token (off when not given). */
  scim?: ScimService;
}

/** The stand-in as a function from request to response, for tests that need no sockets. */
export function createStandInHandler(
  options: StandInHandlerOptions,
): (request: StandInRequest) => StandInResponse {
  const context: StandInContext = {
    trusted: [
      ...(options.trustedIdps ?? []),
      ...(options.trustedIdpMetadata ?? []).map(parseTrustedIdpMetadata),
    ],
    now: options.now ?? systemClock,
    roles: new RoleTable(options.roles),
    judgeTrust: options.judgeTrust ?? allowEveryTrustPolicy,
    ...(options.scim ? { scim: options.scim.store } : {}),
  };
  // STS before home: both answer `/`, STS only when an Action is given.
  const routes = [
    ...(options.routes ?? []),
    ...createFederationRoutes(context.now),
    ...(options.scim ? [...scimRoutes(options.scim), ...scimPageRoutes(options.scim.store)] : []),
    ...samlRoutes,
    ...stsRoutes,
    ...homeRoutes,
  ];
  return (request) => {
    for (const route of routes) {
      if (
        route.method === request.method &&
        route.path.test(request.path) &&
        (route.accepts?.(request) ?? true)
      )
        return route.handle(request, context);
    }
    return htmlResponse(
      404,
      `<!doctype html><title>Not found</title><p>Nothing at ${request.method.replace(/[^A-Z]/g, '')} on this test stand-in.</p>`,
    );
  };
}
