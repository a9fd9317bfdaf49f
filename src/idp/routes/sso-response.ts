import type { ServerResponse } from 'node:http';
import type { IdpUser } from '../config/types.ts';
import { sendHtml } from '../http/respond.ts';
import { MappingError } from '../mapping/evaluate.ts';
import { MintError, type MintOptions } from '../mint.ts';
import { autoPostPage } from '../pages/autopost.ts';
import { messagePage } from '../pages/message.ts';
import type { IdpContext } from './context.ts';

/**
 * Mints a response and answers with the auto-posting form. A mapping that throws is shown to the
 * user with its application and mapping named, never left out of the assertion silently.
 */
export function answerWithResponse(
  response: ServerResponse,
  context: IdpContext,
  user: IdpUser,
  slug: string,
  options: MintOptions & { relayState?: string },
): void {
  try {
    const minted = context.minter.mint(user.username, slug, options);
    const relayState = options.relayState ?? minted.relayState;
    sendHtml(
      response,
      200,
      autoPostPage({
        acsUrl: minted.acsUrl,
        samlResponse: minted.samlResponse,
        ...(relayState !== undefined ? { relayState } : {}),
      }),
    );
  } catch (error) {
    if (error instanceof MintError)
      return sendHtml(response, 403, messagePage('Cannot sign in', error.message, user.username));
    if (error instanceof MappingError)
      return sendHtml(
        response,
        500,
        messagePage('Attribute mapping failed', error.message, user.username),
      );
    throw error;
  }
}
