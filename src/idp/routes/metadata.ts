import { sendText } from '../http/respond.ts';
import type { Route } from './context.ts';

export const metadataRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/metadata(?:\.xml)?$/,
    handle: ({ response, context }) =>
      sendText(response, 200, 'application/samlmetadata+xml; charset=utf-8', context.metadataXml),
  },
];
