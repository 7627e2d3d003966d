import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as desk from '../../api/desk';
import type { AdviceChannel, AdviceContact, AdviceOutcome, AdviceTopic, ClientRecord } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { DateTime } from '../../components/DateTime';
import { ChoiceGroup, SelectField, TextAreaField, TextField, focusFirstInvalid } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { callMinutes, CHANNELS, CONTACT_FIELDS, OUTCOMES } from '../../lib/desk';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatMinutes } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';

let topicsAsked: Promise<AdviceTopic[]> | null = null;

/** The topics of the taxonomy, asked once per page load. */
function askTopics(): Promise<AdviceTopic[]> {
  topicsAsked ??= desk.listAdviceTopics().catch((e: unknown) => {
    topicsAsked = null;
    throw e;
  });
  return topicsAsked;
}

interface NoteValues {
  channel: AdviceChannel;
  topics: string[];
  /** '' while the call timer fills it in */
  duration: string;
  outcome: AdviceOutcome | '';
  note: string;
}

/** One contact of the history: when, how, how long, about what, with what result, by whom. */
function ContactItem({ c, topicName }: { c: AdviceContact; topicName: (code: string) => string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <li className="item desk-contact" data-testid="contact">
      <div className="item-main">
        <p className="item-title">
          <strong>{t(`desk.channels.${c.channel}`)}</strong> · <DateTime value={c.occurred_at} />
        </p>
        <p>
          <span className="badge">{t(`desk.outcomes.${c.outcome}`)}</span>{' '}
          <span className="muted">{formatMinutes(c.duration_minutes, language)}</span>
        </p>
        <p>{c.topics.map(topicName).join(', ')}</p>
        {c.note ? <p className="needs">{c.note}</p> : null}
        <p className="small muted">{t('desk.contact.by', { name: c.advisor_name, organization: c.organization_name })}</p>
      </div>
    </li>
  );
}

/**
 * "Note this call" and the client's earlier contacts. The call's length comes from the timer
 * started when the record opened, until the advisor types another; the outcome turns to "order
 * placed" when an order was placed during the call.
 */
export function ContactsPanel({
  record,
  purpose,
  channel,
  elapsedMs,
  orderPlaced,
}: {
  record: ClientRecord;
  purpose: string;
  channel: AdviceChannel;
  elapsedMs: number;
  orderPlaced: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const [topics, setTopics] = useState<AdviceTopic[] | null>(null);
  const [topicsFailed, setTopicsFailed] = useState(false);
  const history = useAsync(() => desk.listContacts(record.id, purpose), [record.id, purpose]);
  const [values, setValues] = useState<NoteValues>({ channel, topics: [], duration: '', outcome: '', note: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const noted = useRef(false);
  const change = (c: Partial<NoteValues>) => setValues((v) => ({ ...v, ...c }));

  useEffect(() => {
    let live = true;
    askTopics().then(
      (items) => live && setTopics(items),
      () => live && setTopicsFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  // An order placed before the call is noted makes "order placed" the call's outcome.
  useEffect(() => {
    if (orderPlaced && !noted.current) setValues((v) => (v.outcome === '' ? { ...v, outcome: 'order_placed' } : v));
  }, [orderPlaced]);

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  const topicName = (code: string) => pickText(topics?.find((x) => x.code === code)?.names, language).text || code;
  const timerMinutes = callMinutes(elapsedMs);
  const duration = values.duration === '' ? String(timerMinutes) : values.duration;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: Record<string, string[]> = {};
    if (values.topics.length === 0) local.topics = [t('fieldMessages.topicsMissing')];
    if (!values.outcome) local.outcome = [t('desk.contact.chooseOutcome')];
    const minutes = Number(duration);
    if (!/^\d{1,3}$/.test(duration.trim()) || minutes > 600) local.duration_minutes = [t('fieldMessages.callDuration')];
    if (Object.keys(local).length > 0) {
      setErrors({ byField: local, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    setSaved(null);
    try {
      const contact = await desk.addContact(
        record.id,
        { channel: values.channel, topics: values.topics, duration_minutes: minutes, outcome: values.outcome as AdviceOutcome, note: values.note.trim() },
        purpose,
        keys.key(),
      );
      keys.settle();
      noted.current = true;
      history.setData((old) => [contact, ...(old ?? [])]);
      setValues({ channel: values.channel, topics: [], duration: '', outcome: '', note: '' });
      setSaved(t('desk.contact.saved', { name: record.name }));
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, CONTACT_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const byField = errors.byField;
  return (
    <>
      <section className="desk-panel" id="desk-contact" aria-labelledby="contact-heading" tabIndex={-1}>
        <h2 id="contact-heading">{t('desk.contact.title')}</h2>
        <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="contact-form">
          <div className="field-pair">
            <SelectField
              label={t('desk.contact.channel')}
              value={values.channel}
              onChange={(e) => change({ channel: e.target.value as AdviceChannel })}
              errors={byField.channel}
              name="channel"
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`desk.channels.${c}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              type="number"
              label={t('desk.contact.duration')}
              hint={values.duration === '' ? t('desk.contact.durationFromTimer') : undefined}
              value={duration}
              min={0}
              max={600}
              inputMode="numeric"
              onChange={(e) => change({ duration: e.target.value })}
              errors={byField.duration_minutes}
              name="duration_minutes"
            />
          </div>
          <ChoiceGroup legend={t('desk.contact.topics')} errors={byField.topics}>
            {topicsFailed ? <p className="field-error">{t('desk.contact.topicsFailed')}</p> : null}
            {topics === null && !topicsFailed ? <Loading /> : null}
            <div className="desk-topic-grid">
              {(topics ?? []).map((topic) => (
                <label key={topic.code} className="choice">
                  <input
                    type="checkbox"
                    name="topics"
                    value={topic.code}
                    checked={values.topics.includes(topic.code)}
                    onChange={(e) =>
                      change({ topics: e.target.checked ? [...values.topics, topic.code] : values.topics.filter((x) => x !== topic.code) })
                    }
                  />
                  <span>{topicName(topic.code)}</span>
                </label>
              ))}
            </div>
          </ChoiceGroup>
          <SelectField
            label={t('desk.contact.outcome')}
            value={values.outcome}
            onChange={(e) => change({ outcome: e.target.value as AdviceOutcome | '' })}
            errors={byField.outcome}
            name="outcome"
          >
            <option value="">{t('desk.contact.chooseOutcome')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`desk.outcomes.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('desk.contact.note')}
            hint={t('desk.contact.noteHint')}
            value={values.note}
            onChange={(e) => change({ note: e.target.value })}
            errors={byField.note}
            maxLength={4000}
            rows={3}
            name="note"
          />
          <FormAlert message={errors.alert} requestId={errors.requestId} />
          <Status>{saved}</Status>
          <div className="actions">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="save-contact">
              {busy ? t('desk.contact.saving') : t('desk.contact.save')}
            </button>
          </div>
        </form>
      </section>
      <section className="desk-panel" id="desk-history" aria-labelledby="history-heading" tabIndex={-1}>
        <h2 id="history-heading">{t('desk.contact.history')}</h2>
        {history.error ? <LoadError error={history.error} onRetry={() => void history.reload()} /> : null}
        {history.loading && !history.data ? <Loading /> : null}
        {history.data && history.data.length === 0 ? (
          <p className="empty" data-testid="contacts-empty">
            {t('desk.contact.none', { name: record.name })}
          </p>
        ) : null}
        {history.data && history.data.length > 0 ? (
          <ol className="item-list" data-testid="contacts">
            {history.data.map((c) => (
              <ContactItem key={c.id} c={c} topicName={topicName} />
            ))}
          </ol>
        ) : null}
      </section>
    </>
  );
}
