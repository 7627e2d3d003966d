import '../directory/directory.css';
import '../orders/orders.css';
import '../shop/shopOrder.css';
import './desk.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { AdviceChannel } from '../../api/types';
import { Notice } from '../../components/Alert';
import { Page } from '../../components/Page';
import { accessPurpose, CHANNELS, isChannel, NO_FIND, type FindValues } from '../../lib/desk';
import { deskRegions } from '../../lib/roles';
import { useSession } from '../../session/SessionContext';
import { ClientFinder } from './ClientFinder';
import { DeskRecord } from './DeskRecord';
import { MyTasks } from './MyTasks';
import { RegisterClient } from './RegisterClient';

const CHANNEL_KEY = 'allmende.deskChannel';

function storedChannel(): AdviceChannel {
  try {
    const v = window.sessionStorage.getItem(CHANNEL_KEY);
    return isChannel(v) ? v : 'phone';
  } catch {
    return 'phone';
  }
}

/**
 * /desk: the advice desk's call screen (journey 2). One page for the whole call: find the caller
 * (or register them), see their record with a warning when another looks alike, note the call,
 * search services and order on their behalf with their consent. `?client=` opens a record;
 * without one, the advisor's own follow-up tasks are listed below the search.
 */
export function DeskPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const channelId = useId();
  const regionSelectId = useId();
  const [params, setParams] = useSearchParams();
  const regions = session.viewer ? deskRegions(session.viewer) : [];
  const asked = params.get('region');
  const regionId = asked && regions.includes(asked) ? asked : (regions[0] ?? '');
  const clientId = params.get('client');
  const [channel, setChannel] = useState<AdviceChannel>(storedChannel);
  // The register form, with what the search had typed; it gives way when a record is opened.
  const [registering, setRegistering] = useState<{ typed: FindValues; over: string | null } | null>(null);
  const [notice, setNotice] = useState<{ clientId: string; text: string } | null>(null);
  // Records merged into another while the page is open: no longer offered in the results.
  const [mergedAway, setMergedAway] = useState<string[]>([]);

  if (regions.length === 0) {
    return (
      <Page title={t('desk.title')}>
        <Notice tone="warning">
          <p>{t('desk.notStaff')}</p>
        </Notice>
      </Page>
    );
  }

  // The reason the advisor states for the access log, in their language and in English.
  const purposeKey = `desk.purposes.${channel}`;
  const purpose = accessPurpose(t(purposeKey), i18n.getFixedT('en')(purposeKey), session.language);

  const showRegister = registering !== null && registering.over === clientId;
  const linkTo = (id: string) => {
    const next = new URLSearchParams();
    if (asked && regions.length > 1) next.set('region', regionId);
    next.set('client', id);
    return `/desk?${next.toString()}`;
  };
  const open = (id: string) => {
    setRegistering(null);
    setParams(new URLSearchParams(linkTo(id).split('?')[1]));
  };

  return (
    <Page title={t('desk.title')} intro={t('desk.intro')} wide>
      <div className="desk-bar">
        {regions.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor={regionSelectId}>{t('desk.region')}</label>
            <select id={regionSelectId} value={regionId} onChange={(e) => setParams({ region: e.target.value })}>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {session.regions.find((x) => x.id === r)?.name ?? r}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field field-inline">
          <label htmlFor={channelId}>{t('desk.channel')}</label>
          <select
            id={channelId}
            value={channel}
            onChange={(e) => {
              const next = e.target.value as AdviceChannel;
              setChannel(next);
              try {
                window.sessionStorage.setItem(CHANNEL_KEY, next);
              } catch {
                // no storage: the choice lasts while the page is open
              }
            }}
            data-testid="desk-channel"
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`desk.channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="desk-layout">
        <ClientFinder
          key={regionId}
          regionId={regionId}
          purpose={purpose}
          openId={clientId}
          linkTo={linkTo}
          hidden={mergedAway}
          onRegister={(typed) => setRegistering({ typed, over: clientId })}
        />
        {showRegister ? (
          <RegisterClient
            regionId={regionId}
            purpose={purpose}
            typed={registering?.typed ?? NO_FIND}
            linkTo={linkTo}
            onCancel={() => setRegistering(null)}
            onRegistered={(id, name) => {
              setNotice({ clientId: id, text: t('desk.register.done', { name }) });
              open(id);
            }}
          />
        ) : null}
        {!clientId && !showRegister ? <MyTasks purpose={purpose} linkTo={linkTo} /> : null}
        {clientId && !showRegister ? (
          <DeskRecord
            key={clientId}
            clientId={clientId}
            purpose={purpose}
            channel={channel}
            linkTo={linkTo}
            notice={notice?.clientId === clientId ? notice.text : null}
            onMerged={({ kept, gone, notice: text }) => {
              setMergedAway((ids) => [...ids, gone]);
              if (kept !== clientId) {
                setNotice({ clientId: kept, text });
                open(kept);
              }
            }}
          />
        ) : null}
      </div>
    </Page>
  );
}
