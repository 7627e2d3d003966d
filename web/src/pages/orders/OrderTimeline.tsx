import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { describeRole } from '../../lib/accessLog';
import { useDirectoryNames } from '../../lib/directoryData';
import { describeTimelineNote, TIMELINE_KINDS } from '../../lib/orderText';
import { useSession } from '../../session/SessionContext';

/** What happened to the order, newest last, each step with who did it and why. */
export function OrderTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  if (entries.length === 0) return null;
  return (
    <section className="section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('order.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {entries.map((e) => {
          const kind = (TIMELINE_KINDS as readonly string[]).includes(e.kind ?? '') ? t(`timeline.kinds.${e.kind}`) : e.kind;
          const note = describeTimelineNote(t, e.note, language, names.categoryName);
          const who = e.actor_role === 'system' ? t('timeline.system') : describeRole(t, e.actor_role);
          return (
            <li key={e.id} className="timeline-entry" data-kind={e.kind}>
              <p className="timeline-when small muted">
                <DateTime value={e.at} />
                {who ? ` · ${who}` : null}
              </p>
              <p className="timeline-what">
                <strong>{kind}</strong>
                {e.to_state && e.from_state !== e.to_state ? (
                  <span className="muted"> · {t('timeline.nowState', { state: t(`orderStates.${e.to_state}`, e.to_state) })}</span>
                ) : null}
              </p>
              {note ? <p className="timeline-note">{note}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
