import type { IdpUser } from '../config/types.ts';
import { MappingError } from '../mapping/evaluate.ts';
import { MintError, type MintOptions } from '../mint.ts';
import { autoPostPage } from '../pages/autopost.ts';
import { messagePage } from '../pages/message.ts';
import { formActionFor } from '../saml/form-action.ts';
import { sendPage, type RouteArgs } from './context.ts';

/**
 * Mints a response and answers with the auto-posting form. A mapping that throws is shown to the
 * user with its application and mapping named, never left out of the assertion silently.
 */
export function answerWithResponse(
  args: Pick<RouteArgs, 'response' | 'frame' | 'context'>,
  user: IdpUser,
  slug: string,
  options: MintOptions & { relayState?: string },
): void {
  const { frame } = args;
  try {
    const minted = args.context.minter.mint(user.username, slug, options);
    for (const warning of minted.warnings) args.context.warn(warning);
    args.context.onSso?.({ username: user.username, application: slug });
    const relayState = options.relayState ?? minted.relayState;
    sendPage(
      args,
      200,
      autoPostPage({
        nonce: frame.nonce,
        acsUrl: minted.acsUrl,
        samlResponse: minted.samlResponse,
        ...(relayState !== undefined ? { relayState } : {}),
      }),
      { formAction: formActionFor(minted.acsUrl) },
    );
  } catch (error) {
    if (error instanceof MintError)
      return sendPage(
        args,
        403,
        messagePage(frame, 'Cannot sign in', error.message, user.username),
      );
    if (error instanceof MappingError)
      return sendPage(
        args,
        500,
        messagePage(frame, 'Attribute mapping failed', error.message, user.username),
      );
    throw error;
  }
}
