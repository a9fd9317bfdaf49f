import { formatClock } from '../model/time.ts';
import { Notice } from './Notice.tsx';

export interface ExpiredNoticeProps {
  expiredAt: number;
  idpUrl?: string;
  sessionName?: string;
  onOpenIdp(url: string): void;
}

/** Instead of a failing sign-in at AWS: say the assertion expired and offer the IdP. */
export function ExpiredNotice({ expiredAt, idpUrl, sessionName, onOpenIdp }: ExpiredNoticeProps) {
  return (
    <Notice title="This SAML assertion has expired" tone="error" testId="expired">
      <p>
        {sessionName ? `${sessionName}'s assertion` : 'The assertion'} stopped being valid at{' '}
        {formatClock(expiredAt)}. AWS would refuse it, so sign in at your identity provider again.
      </p>
      {idpUrl ? (
        <button
          type="button"
          class="primary"
          data-testid="back-to-idp"
          onClick={() => onOpenIdp(idpUrl)}
        >
          Sign in again at {new URL(idpUrl).host}
        </button>
      ) : (
        <p>Open your identity provider's AWS sign-in link in this tab.</p>
      )}
    </Notice>
  );
}
