import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A destructive action asked twice, in place: the button turns into a question with
 * "Yes" and "Cancel", so nothing is removed by one stray tap and no modal traps the focus.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  busy = false,
  tone = 'danger',
}: {
  label: string;
  question: string;
  confirmLabel: string;
  /** The way back, when "Cancel" could be read as the action itself ("peru" = cancel, withdraw). */
  cancelLabel?: string;
  onConfirm: () => void | Promise<void>;
  busy?: boolean;
  tone?: 'danger' | 'secondary';
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={first} type="button" className={`button button-${tone}`} onClick={() => setAsking(true)} disabled={busy}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        ref={yes}
        type="button"
        className="button button-danger"
        disabled={busy}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
        {cancelLabel ?? t('common.cancel')}
      </button>
    </span>
  );
}
