import './plan.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanItem } from '../../api/types';
import { useDirectoryNames } from '../../lib/directoryData';
import { formatDate } from '../../lib/format';
import { itemName } from '../../lib/plan';
import { formatCivilDate } from '../../lib/schedule';
import { useSession } from '../../session/SessionContext';

/** "Publicly funded – Service voucher, Pirkanmaan hyvinvointialue", "Self-paid – service, …", "Association or volunteer activity". */
export function KindLine({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  const names = useDirectoryNames();
  const text =
    item.kind === 'grant'
      ? t('plan.kindLine.grant', {
          grantKind: item.grant_kind ? t(`funding.kinds.${item.grant_kind}`) : t('plan.kindLine.decision'),
          organization: item.organization_name,
        })
      : item.kind === 'service'
        ? t('plan.kindLine.service', { organization: item.organization_name })
        : t('plan.kindLine.activity', { category: names.categoryName(item.category) });
  return (
    <p className="plan-kind" data-testid="plan-kind">
      {text}
    </p>
  );
}

/**
 * One agreed service: its name, what kind it is (who pays or provides), the goal, the details,
 * the follow-up day (marked once it has come) and who agreed it when. `children` come after it
 * (the desk's buttons and forms).
 */
export function PlanItemCard({
  item,
  heading: Heading = 'h3',
  link = false,
  children,
}: {
  item: PlanItem;
  heading?: 'h3' | 'h4';
  /** a service's name links to its page in the directory */
  link?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const names = useDirectoryNames();
  const name = itemName(item, language, names.categoryName) || t('plan.unnamed');
  const changed = item.updated_at !== item.created_at && item.updated_by_name;
  return (
    <li
      className={`item plan-item${item.follow_up_due ? ' plan-item-due' : ''}`}
      data-testid="plan-item"
      data-item-id={item.id}
      data-kind={item.kind}
      data-state={item.state}
      data-due={item.follow_up_due}
    >
      <div className="item-main">
        <Heading className="item-title plan-item-title">
          {link && item.kind === 'service' && item.service_id ? <Link to={`/services/${item.service_id}`}>{name}</Link> : name}
        </Heading>
        <KindLine item={item} />
        <dl className="facts plan-facts">
          <div className="plan-fact-wide">
            <dt>{t('plan.goal')}</dt>
            <dd className="plan-text" data-testid="plan-goal">
              {item.goal}
            </dd>
          </div>
          {item.details ? (
            <div className="plan-fact-wide">
              <dt>{t('plan.details')}</dt>
              <dd className="plan-text" data-testid="plan-details">
                {item.details}
              </dd>
            </div>
          ) : null}
          {item.state === 'active' ? (
            <div>
              <dt>{t('plan.followUp')}</dt>
              <dd data-testid="plan-follow-up">
                {formatCivilDate(item.follow_up_date, language)}{' '}
                {item.follow_up_due ? (
                  <span className="badge badge-warn" data-testid="plan-due">
                    {t('plan.due')}
                  </span>
                ) : null}
              </dd>
            </div>
          ) : (
            <div>
              <dt>{t('plan.endedOn')}</dt>
              <dd data-testid="plan-ended-at">{formatDate(item.ended_at, language, { timeZone })}</dd>
            </div>
          )}
          {item.kind === 'grant' && item.grant_valid_until ? (
            <div>
              <dt>{t('plan.validUntil')}</dt>
              <dd>{formatCivilDate(item.grant_valid_until, language, false)}</dd>
            </div>
          ) : null}
        </dl>
        <p className="small muted plan-agreed" data-testid="plan-agreed">
          {t('plan.agreedBy', { name: item.created_by_name, date: formatDate(item.created_at, language, { timeZone }) })}
          {changed ? (
            <>
              {' · '}
              {t('plan.changedBy', { name: item.updated_by_name, date: formatDate(item.updated_at, language, { timeZone }) })}
            </>
          ) : null}
        </p>
      </div>
      {children}
    </li>
  );
}
