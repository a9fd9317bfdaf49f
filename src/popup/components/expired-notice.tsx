import type { ComponentChildren } from 'preact';
import { formatClock } from '../model/time.ts';
import { Notice } from './notice.tsx';

export interface ExpiredNoticeProps {
  expiredAt: number;
  idpUrl?: string | undefined;
  sessionName?: string | undefined;
  onBackToIdp(idpUrl: string | undefined): void;
  children?: ComponentChildren;
}

/** Instead of a failing sign-in at AWS: say the assertion expired and offer the IdP. */
export function ExpiredNotice(props: ExpiredNoticeProps) {
  const { expiredAt, idpUrl, sessionName, onBackToIdp, children } = props;
  return (
    <Notice title="This SAML assertion has expired" tone="error" testId="expired">
      <p>
        {sessionName ? `${sessionName}'s assertion` : 'The assertion'} stopped being valid at{' '}
        {formatClock(expiredAt)}. AWS would refuse it, so sign in at your identity provider again.
      </p>
      <button
        type="button"
        class="primary"
        data-testid="back-to-idp"
        onClick={() => onBackToIdp(idpUrl)}
      >
        {idpUrl ? `Sign in again at ${new URL(idpUrl).host}` : 'Go back to your identity provider'}
      </button>
      {children}
    </Notice>
  );
}
