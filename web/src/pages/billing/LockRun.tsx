import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Lock the run", asked in place in words that name the month, the lines and the total and say
 * that it is for good; the answer button names the month again ("Yes, lock October 2026"). The
 * question takes the focus, so a screen reader reads it before the buttons; Escape or Cancel
 * gives the focus back to "Lock the run".
 */
export function LockRun({ month, summary, busy, onLock }: { month: string; summary: string; busy: boolean; onLock: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <div className="billing-lock">
        <button ref={opener} type="button" className="button button-primary" onClick={() => setAsking(true)} data-testid="billing-lock">
          {t('billing.lock.button')}
        </button>
      </div>
    );
  }
  return (
    <div
      className="billing-lock billing-lock-asking"
      role="group"
      aria-labelledby={questionId}
      data-testid="billing-lock-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) setAsking(false);
      }}
    >
      <p ref={question} id={questionId} tabIndex={-1} className="billing-lock-question" data-testid="billing-lock-question">
        {t('billing.lock.question', { month, summary })}
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => void (busy ? undefined : onLock())} data-testid="billing-lock-yes">
          {busy ? t('billing.lock.busy') : t('billing.lock.confirm', { month })}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)} disabled={busy} data-testid="billing-lock-cancel">
          {t('billing.lock.cancel')}
        </button>
      </div>
    </div>
  );
}
