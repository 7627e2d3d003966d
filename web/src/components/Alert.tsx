import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The form's alert region. It is always in the page (role="alert" regions must exist before
 * their text changes for every screen reader to announce it).
 */
export function FormAlert({ message, requestId }: { message: string | null; requestId?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={message ? 'alert alert-error' : 'alert-empty'}>
      {message ? (
        <>
          <p>{message}</p>
          {requestId ? <p className="muted small">{t('errors.requestId', { id: requestId })}</p> : null}
        </>
      ) : null}
    </div>
  );
}

/** A polite status message: "Saved", "Link sent". */
export function Status({ children }: { children: ReactNode }) {
  return (
    <div role="status" className={children ? 'alert alert-success' : 'alert-empty'}>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warning' }) {
  return <div className={`alert alert-${tone}`}>{children}</div>;
}
