import { html } from './html.ts';
import { layout, type PageFrame } from './layout.ts';

/**
 * An SP's request arrived without the session cookie: SameSite=Strict keeps it off requests other
 * sites start. Continuing from this page of the IdP's own makes the next request same-site, so a
 * signed-in user's cookie goes along (a meta refresh needs no script; the link is for when it is off).
 */
export function continuePage(frame: PageFrame, resumePath: string): string {
  return layout(
    frame,
    'Continuing sign-in',
    html`<meta http-equiv="refresh" content="0;url=${resumePath}" />
      <h1>Continuing sign-in…</h1>
      <p><a href="${resumePath}" data-testid="continue">Continue</a></p>`,
  );
}
