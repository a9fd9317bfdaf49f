// The sign-in page: asks the worker for the assertion and submits it to AWS as AWS's own role
// picker would. A form submitted by an extension page needs no permission beyond the host ones.
import { send } from '../shared/message-channel.ts';
import type { SigninForm } from '../shared/messages.ts';
import { parseSigninQuery } from './model/signin.ts';

const status = document.getElementById('status')!;

function show(text: string, idpUrl?: string): void {
  status.textContent = text;
  if (!idpUrl) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'back-to-idp';
  button.textContent = `Sign in again at ${new URL(idpUrl).host}`;
  button.addEventListener('click', () => location.assign(idpUrl));
  status.after(button);
}

function submit({ action, fields }: SigninForm): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = action;
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

async function main(): Promise<void> {
  const query = parseSigninQuery(location.search);
  if (!query) return show('This sign-in link is incomplete; pick the role in the popup again.');
  const navigation = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  // Going back to this page must not post the assertion a second time.
  if (navigation?.type === 'back_forward')
    return show(
      'You went back to a sign-in that was already sent. Pick a role in the popup to sign in again.',
    );
  const result = await send({
    type: 'signin/form',
    sourceTabId: query.sourceTabId,
    roleArn: query.roleArn,
  });
  if (!result.ok) return show(`Sign-in failed: ${result.error}`);
  const reply = result.value;
  if (reply.ok) submit(reply.form);
  else show(reply.message, reply.idpUrl);
}

main().catch((error: unknown) =>
  show(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`),
);
