import { html } from './html.ts';
import { csrfField, layout, type PageFrame } from './layout.ts';

export interface LoginPageProps {
  error?: string;
  /** Key of an SP-initiated request waiting for this login. */
  pending?: string;
  /** Usernames offered as suggestions: only the demo (`--demo`) shows who can sign in. */
  usernames?: string[];
  username?: string;
}

export function loginPage(frame: PageFrame, props: LoginPageProps): string {
  return layout(
    frame,
    'Sign in',
    html`<h1>Sign in</h1>
      ${props.error ? html`<p class="error" role="alert" data-testid="login-error">${props.error}</p>` : ''}
      <form method="post" action="/login" data-testid="login-form">
        ${csrfField(frame)}
        <label for="username">Username</label>
        <input
          type="text"
          id="username"
          name="username"
          ${props.usernames ? html`list="usernames"` : ''}
          autocomplete="username"
          value="${props.username ?? ''}"
          required
          autofocus
        />
        ${
          props.usernames
            ? html`<datalist id="usernames">
                ${props.usernames.map((u) => html`<option value="${u}"></option>`)}
              </datalist>`
            : ''
        }
        <label for="password">Password</label>
        <input
          type="password"
          id="password"
          name="password"
          autocomplete="current-password"
          required
        />
        ${props.pending ? html`<input type="hidden" name="pending" value="${props.pending}" />` : ''}
        <button type="submit" data-testid="login-submit">Sign in</button>
      </form>`,
  );
}
