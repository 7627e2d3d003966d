import { useTranslation } from 'react-i18next';
import type { ManagedService, ServiceState } from '../../api/types';

const TONE: Record<ServiceState, string> = {
  draft: 'badge',
  in_review: 'badge badge-info',
  changes_requested: 'badge badge-warn',
  published: 'badge badge-ok',
  archived: 'badge badge-muted',
};

export function StateBadge({ state }: { state: ServiceState }) {
  const { t } = useTranslation();
  return (
    <span className={TONE[state]} data-state={state}>
      {t(`editor.states.${state}`)}
    </span>
  );
}

/** The content a provider works on: the draft if there is one, else what is published. */
export function workingContent(s: ManagedService) {
  return s.draft ?? s.published ?? {};
}
