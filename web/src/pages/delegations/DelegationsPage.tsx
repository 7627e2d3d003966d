import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/client';
import type { Delegation, DelegationInvitation, DelegationScope } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { DateTime } from '../../components/DateTime';
import { ChoiceGroup, TextField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formErrors, generalMessage, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { endOfLocalDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';

const SCOPES: DelegationScope[] = ['all', 'services', 'access_log'];

function todayPlus(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function DelegationItem({
  d,
  side,
  onRevoke,
}: {
  d: Delegation;
  side: 'given' | 'received';
  onRevoke: (d: Delegation) => Promise<void>;
}) {
  const { t } = useTranslation();
  const other = side === 'given' ? d.delegate_name : d.client_name;
  return (
    <li className="item" data-delegation={d.id}>
      <div className="item-main">
        <h3 className="item-title">{other}</h3>
        <p>{t(`delegations.scopeSummary.${d.scope}`)}</p>
        <p className="muted small">
          {t('delegations.since')} <DateTime value={d.valid_from} dateOnly />
          {' · '}
          {d.valid_until ? (
            <>
              {t('delegations.until')} <DateTime value={d.valid_until} dateOnly />
            </>
          ) : (
            t('delegations.noEnd')
          )}
        </p>
        {side === 'received' && (d.scope === 'all' || d.scope === 'access_log') ? (
          <p>
            <Link to="/access-log">{t('delegations.seeTheirLog', { name: d.client_name })}</Link>
          </p>
        ) : null}
      </div>
      <div className="item-actions">
        <ConfirmButton
          label={side === 'given' ? t('delegations.revoke') : t('delegations.stopActing')}
          question={
            side === 'given'
              ? t('delegations.revokeQuestion', { name: other })
              : t('delegations.stopQuestion', { name: other })
          }
          confirmLabel={side === 'given' ? t('delegations.revokeConfirm') : t('delegations.stopConfirm')}
          onConfirm={() => onRevoke(d)}
        />
      </div>
    </li>
  );
}

/** An invitation that waits for its answer; the client may withdraw it. */
function PendingItem({
  invitation,
  onWithdraw,
}: {
  invitation: DelegationInvitation;
  onWithdraw: (i: DelegationInvitation) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <li className="item" data-invitation={invitation.delegate_email}>
      <div className="item-main">
        <h3 className="item-title">{invitation.delegate_email}</h3>
        <p>{t(`delegations.scopeSummary.${invitation.scope}`)}</p>
        <p className="muted small">
          {t('delegations.linkValidUntil')} <DateTime value={invitation.expires_at} dateOnly />
        </p>
      </div>
      <div className="item-actions">
        <ConfirmButton
          label={t('delegations.withdraw')}
          question={t('delegations.withdrawQuestion', { email: invitation.delegate_email })}
          confirmLabel={t('delegations.withdrawConfirm')}
          onConfirm={() => onWithdraw(invitation)}
        />
      </div>
    </li>
  );
}

export function DelegationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const list = useAsync(() => api.listDelegations(), []);
  const [email, setEmail] = useState('');
  const [scope, setScope] = useState<DelegationScope>('all');
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [listAlert, setListAlert] = useState<string | null>(null);

  const grant = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus(null);
    try {
      const validUntil = until ? endOfLocalDay(until) : null;
      // The answer is the same whether or not the address has an account: so is the message.
      const invitation = await api.grantDelegation({
        delegate_email: email.trim(),
        scope,
        ...(validUntil ? { valid_until: validUntil } : {}),
      });
      setStatus(t('delegations.invitationSent', { email: invitation.delegate_email }));
      setEmail('');
      setUntil('');
      setScope('all');
      await list.reload();
    } catch (err) {
      setErrors(formErrors(t, err, ['delegate_email', 'scope', 'valid_until']));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (d: Delegation) => {
    setListAlert(null);
    setStatus(null);
    try {
      await api.revokeDelegation(d.id);
      setStatus(t('delegations.revoked'));
      await list.reload();
      await session.refresh();
    } catch (err) {
      setListAlert(generalMessage(t, err));
    }
  };

  const withdraw = async (invitation: DelegationInvitation) => {
    setListAlert(null);
    setStatus(null);
    try {
      await api.withdrawDelegationInvitation(invitation.id);
      setStatus(t('delegations.withdrawn', { email: invitation.delegate_email }));
      await list.reload();
    } catch (err) {
      setListAlert(generalMessage(t, err));
      await list.reload();
    }
  };

  const given = list.data?.given.filter((d) => d.active) ?? [];
  const pending = list.data?.pending ?? [];
  const received = list.data?.received.filter((d) => d.active) ?? [];
  const ended = [...(list.data?.given ?? []), ...(list.data?.received ?? [])].filter((d) => !d.active);

  return (
    <Page title={t('delegations.title')} intro={t('delegations.intro')}>
      <Status>{status}</Status>
      <FormAlert message={listAlert} />
      {list.error ? <LoadError error={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <>
          <section className="section" aria-labelledby="given-heading">
            <h2 id="given-heading">{t('delegations.givenTitle')}</h2>
            {given.length === 0 ? (
              <p className="empty">{t('delegations.givenEmpty')}</p>
            ) : (
              <ul className="item-list" data-testid="given-list">
                {given.map((d) => (
                  <DelegationItem key={d.id} d={d} side="given" onRevoke={revoke} />
                ))}
              </ul>
            )}
          </section>
          {pending.length > 0 ? (
            <section className="section" aria-labelledby="pending-heading">
              <h2 id="pending-heading">{t('delegations.pendingTitle')}</h2>
              <ul className="item-list" data-testid="pending-list">
                {pending.map((i) => (
                  <PendingItem key={i.id} invitation={i} onWithdraw={withdraw} />
                ))}
              </ul>
            </section>
          ) : null}
          <section className="section" aria-labelledby="received-heading">
            <h2 id="received-heading">{t('delegations.receivedTitle')}</h2>
            {received.length === 0 ? (
              <p className="empty">{t('delegations.receivedEmpty')}</p>
            ) : (
              <ul className="item-list" data-testid="received-list">
                {received.map((d) => (
                  <DelegationItem key={d.id} d={d} side="received" onRevoke={revoke} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      {list.data && !list.data.may_grant ? (
        <p className="muted section" data-testid="not-a-client">
          {t('delegations.notAClient')}
        </p>
      ) : null}
      {list.data?.may_grant ? (
        <section className="card section" aria-labelledby="grant-heading">
          <h2 id="grant-heading">{t('delegations.grantTitle')}</h2>
          <p>{t('delegations.grantIntro')}</p>
          <form className="form" onSubmit={grant} noValidate>
            <FormAlert message={errors.alert} requestId={errors.requestId} />
            <TextField
              label={t('delegations.email')}
              hint={t('delegations.emailHint')}
              name="delegate_email"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              errors={errors.byField.delegate_email}
              required
            />
            <ChoiceGroup legend={t('delegations.scope')} errors={errors.byField.scope}>
              {SCOPES.map((s) => (
                <label key={s} className="choice">
                  <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
                  <span>
                    <strong>{t(`delegations.scopes.${s}`)}</strong>
                    <span className="choice-hint">{t(`delegations.scopeSummary.${s}`)}</span>
                  </span>
                </label>
              ))}
            </ChoiceGroup>
            <TextField
              label={t('delegations.validUntil')}
              hint={t('delegations.validUntilHint')}
              name="valid_until"
              type="date"
              min={todayPlus(1)}
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              errors={errors.byField.valid_until}
            />
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('delegations.grant')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {ended.length > 0 ? (
        <details className="section">
          <summary>{t('delegations.endedTitle', { count: ended.length })}</summary>
          <ul className="plain-list">
            {ended.map((d) => (
              <li key={d.id}>
                {d.client_id === session.user!.id ? d.delegate_name : d.client_name} ·{' '}
                {t(`delegations.scopes.${d.scope}`)} · {t('delegations.ended')}{' '}
                <DateTime value={d.revoked_at ?? d.valid_until} dateOnly />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Page>
  );
}
