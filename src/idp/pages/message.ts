import { html } from './html.ts';
import { layout, type PageFrame } from './layout.ts';

/** A page reporting one problem in a sentence, e.g. a mapping that threw at sign-in time. */
export function messagePage(
  frame: PageFrame,
  title: string,
  message: string,
  user?: string,
): string {
  return layout(
    frame,
    title,
    html`<h1>${title}</h1>
      <p class="error" role="alert" data-testid="error">${message}</p>
      <p><a href="/apps">Back to applications</a></p>`,
    user,
  );
}
