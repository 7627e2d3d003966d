import './orders.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import * as api from '../../api/orders';
import type { InboxItem } from '../../api/types';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatMinutes } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { editedProviders } from '../../lib/roles';
import { languageName } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { Deadline, ScheduleText } from './OrderBits';

/** One offer: what, where, when and the needs, never who; accept or decline with a reason. */
function OfferCard({ item, onDone }: { item: InboxItem; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  const navigate = useNavigate();
  const accept = useIdempotencyKey();
  const decline = useIdempotencyKey();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const o = item.order;
  const open = item.state === 'open';
  const headingId = `offer-${item.id}`;

  const conflict = t('inbox.noLongerOpen');
  async function doAccept() {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const view = await api.stepOrder('accept', item.order_id ?? o.id, undefined, accept.key());
      accept.settle();
      navigate(`/orders/${view.id}`, { state: { accepted: true } });
    } catch (e) {
      accept.settle(e);
      setErrors(formErrors(t, e, [], { 409: conflict, 403: conflict }));
      setBusy(false);
    }
  }
  async function doDecline() {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await api.stepOrder('decline', item.order_id ?? o.id, { reason: reason.trim() }, decline.key());
      decline.settle();
      onDone(t('inbox.declined'));
    } catch (e) {
      decline.settle(e);
      setErrors(formErrors(t, e, ['reason'], { 409: conflict }));
      setBusy(false);
    }
  }

  return (
    <li className="item offer" data-testid="offer" data-order-id={item.order_id} data-offer-state={item.state} aria-labelledby={headingId}>
      <div className="item-main">
        <h2 className="item-title" id={headingId}>
          {t('inbox.offerTitle', { category: names.categoryName(o.category), place: item.place_name })}
        </h2>
        {open ? (
          <p className="offer-deadline">
            <Deadline at={item.deadline} />
          </p>
        ) : (
          <p>
            <span className="badge" data-state={item.state}>
              {t(`offerStates.${item.state ?? 'open'}`, { defaultValue: item.state })}
            </span>
          </p>
        )}
        <dl className="facts">
          <div>
            <dt>{t('inbox.when')}</dt>
            <dd data-testid="offer-when">
              <ScheduleText schedule={o.schedule} />
            </dd>
          </div>
          <div>
            <dt>{t('inbox.duration')}</dt>
            <dd>{formatMinutes(o.duration_minutes ?? 0, language)}</dd>
          </div>
          <div>
            <dt>{t('inbox.place')}</dt>
            <dd>{item.place_name}</dd>
          </div>
          <div>
            <dt>{t('inbox.language')}</dt>
            <dd>{languageName(o.language ?? '', language)}</dd>
          </div>
          {o.needs ? (
            <div>
              <dt>{t('inbox.needs')}</dt>
              <dd className="needs" data-testid="offer-needs">
                {o.needs}
              </dd>
            </div>
          ) : null}
          {o.tasks && o.tasks.length > 0 ? (
            <div>
              <dt>{t('inbox.tasks')}</dt>
              <dd>{o.tasks.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
        <p className="muted small">{t('inbox.noIdentity')}</p>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        {open ? (
          declining ? (
            <div className="decline-form">
              <TextAreaField
                label={t('inbox.declineReason')}
                hint={t('inbox.declineReasonHint')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                errors={errors.byField.reason}
                maxLength={500}
                rows={3}
              />
              <div className="actions">
                <button type="button" className="button button-danger" disabled={busy} onClick={() => void doDecline()} data-testid="confirm-decline">
                  {t('inbox.confirmDecline')}
                </button>
                <button type="button" className="button button-secondary" disabled={busy} onClick={() => setDeclining(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void doAccept()} data-testid="accept-offer">
                {busy ? t('orders.sending') : t('inbox.accept')}
              </button>
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => setDeclining(true)} data-testid="decline-offer">
                {t('inbox.decline')}
              </button>
            </div>
          )
        ) : item.state === 'accepted' ? (
          <p>
            <Link to={`/orders/${item.order_id}`}>{t('inbox.openOrder')}</Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** Open offers first, the one to answer soonest first; then the others, newest first. */
export function byDeadline(a: InboxItem, b: InboxItem): number {
  const openA = a.state === 'open';
  const openB = b.state === 'open';
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) return (a.deadline ?? '').localeCompare(b.deadline ?? '');
  return (b.offered_at ?? '').localeCompare(a.offered_at ?? '');
}

/** The provider admin's inbox: offers to accept or decline before their deadline. */
export function InboxPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const providers = session.viewer ? editedProviders(session.viewer) : [];
  const orgId = params.get('org') ?? providers[0]?.id ?? '';
  const provider = providers.find((p) => p.id === orgId);
  const which = params.get('show') === 'all' ? 'all' : 'open';
  const offers = useAsync(() => (orgId ? api.listOffers(orgId, which) : Promise.resolve([])), [orgId, which]);
  const [status, setStatus] = useState<string | null>(null);

  if (!orgId) {
    return (
      <Page title={t('inbox.title')}>
        <Notice>
          <p>{t('inbox.notProvider')}</p>
        </Notice>
      </Page>
    );
  }
  const show = (value: 'open' | 'all') => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.set('show', 'all');
    else next.delete('show');
    setParams(next);
  };
  return (
    <Page title={provider ? t('inbox.titleOf', { name: provider.name }) : t('inbox.title')} intro={t('inbox.intro')}>
      <nav className="sub-nav" aria-label={t('inbox.which')}>
        <ul>
          {(['open', 'all'] as const).map((w) => (
            <li key={w}>
              <a
                href={`?${w === 'all' ? 'show=all' : ''}`}
                className={which === w ? 'active' : ''}
                aria-current={which === w ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  show(w);
                }}
              >
                {t(`inbox.show.${w}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Status>{status}</Status>
      {offers.error ? (
        <LoadError error={offers.error} onRetry={() => void offers.reload()} />
      ) : offers.loading && !offers.data ? (
        <Loading />
      ) : offers.data && offers.data.length === 0 ? (
        <p className="empty" data-testid="inbox-empty">
          {which === 'open' ? t('inbox.empty') : t('inbox.emptyAll')}
        </p>
      ) : (
        <ul className="item-list" data-testid="offers" aria-busy={offers.loading}>
          {[...(offers.data ?? [])].sort(byDeadline).map((item) => (
            <OfferCard
              key={item.id}
              item={item}
              onDone={(message) => {
                setStatus(message);
                void offers.reload();
              }}
            />
          ))}
        </ul>
      )}
    </Page>
  );
}

