import { homePage } from '../pages.ts';
import { htmlResponse, type StandInRoute } from '../types.ts';

export const homeRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: /^\/$/,
    handle: () => htmlResponse(200, homePage()),
  },
];
