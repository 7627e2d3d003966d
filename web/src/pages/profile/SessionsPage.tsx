import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import * as api from '../../api/client';
import type { Session } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { DateTime } from '../../components/DateTime';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { generalMessage } from '../../lib/errors';
import { describeUserAgent } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { ProfileNav } from './ProfileNav';

function deviceName(t: (k: string, o?: Record<string, string>) => string, s: Session): string {
  const { browser, system } = describeUserAgent(s.user_agent ?? '');
  if (browser && system) return t('sessions.browserOn', { browser, system });
  return browser || system || t('sessions.unknownDevice');
}

export function SessionsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const sessions = useAsync(() => api.listSessions(), []);
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const revoke = async (s: Session) => {
    setAlert(null);
    setStatus(null);
    try {
      await api.revokeSession(s.id);
      sessions.setData((old) => old?.filter((x) => x.id !== s.id));
      setStatus(t('sessions.revoked', { device: deviceName(t, s) }));
    } catch (err) {
      setAlert(generalMessage(t, err));
    }
  };

  const everywhere = async () => {
    setAlert(null);
    try {
      await api.logoutEverywhere();
      session.forgetSession();
      navigate('/login', { replace: true, state: { signedOut: true } });
    } catch (err) {
      setAlert(generalMessage(t, err));
    }
  };

  return (
    <Page title={t('sessions.title')} intro={t('sessions.intro')}>
      <ProfileNav />
      <FormAlert message={alert} />
      <Status>{status}</Status>
      {sessions.loading && !sessions.data ? <Loading /> : null}
      {sessions.error ? <LoadError error={sessions.error} onRetry={() => void sessions.reload()} /> : null}
      {sessions.data ? (
        <ul className="item-list" data-testid="session-list">
          {sessions.data.map((s) => (
            <li key={s.id} className="item" data-session={s.id} data-current={s.current || undefined}>
              <div className="item-main">
                <h2 className="item-title">
                  {deviceName(t, s)}{' '}
                  {s.current ? <span className="badge badge-ok">{t('sessions.thisDevice')}</span> : null}
                </h2>
                <dl className="facts facts-inline">
                  <div>
                    <dt>{t('sessions.signedIn')}</dt>
                    <dd>
                      <DateTime value={s.created_at} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('sessions.lastSeen')}</dt>
                    <dd>
                      <DateTime value={s.last_seen_at} />
                    </dd>
                  </div>
                  {s.ip ? (
                    <div>
                      <dt>{t('sessions.address')}</dt>
                      <dd>{s.ip}</dd>
                    </div>
                  ) : null}
                </dl>
              </div>
              <div className="item-actions">
                {s.current ? null : (
                  <ConfirmButton
                    label={t('sessions.revoke')}
                    question={t('sessions.revokeQuestion', { device: deviceName(t, s) })}
                    confirmLabel={t('sessions.revokeConfirm')}
                    onConfirm={() => revoke(s)}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <section className="card section danger-zone" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">{t('sessions.everywhereTitle')}</h2>
        <p>{t('sessions.everywhereIntro')}</p>
        <ConfirmButton
          label={t('sessions.everywhere')}
          question={t('sessions.everywhereQuestion')}
          confirmLabel={t('sessions.everywhereConfirm')}
          onConfirm={everywhere}
        />
      </section>
    </Page>
  );
}
