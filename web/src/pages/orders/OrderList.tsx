import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Order } from '../../api/types';
import { useDirectoryNames } from '../../lib/directoryData';
import { OrderStateBadge, ScheduleText } from './OrderBits';

/** Orders with their state, newest first as the server lists them; each opens its page. */
export function OrderList({ orders, emptyText }: { orders: readonly Order[]; emptyText: string }) {
  const { t } = useTranslation();
  const names = useDirectoryNames();
  if (orders.length === 0) return <p className="empty" data-testid="orders-empty">{emptyText}</p>;
  return (
    <ul className="item-list" data-testid="orders">
      {orders.map((o) => (
        <li key={o.id} className="item" data-testid="order-row" data-order-id={o.id} data-state={o.state}>
          <div className="item-main">
            <h3 className="item-title">
              <Link to={`/orders/${o.id}`}>
                {t('order.titleOf', {
                  category: names.categoryName(o.category),
                  place: names.placeName(o.district_code ?? o.municipality_code ?? ''),
                })}
              </Link>
            </h3>
            <p>
              <OrderStateBadge state={o.state} /> <span className="muted">{o.provider_name ?? t('order.noProviderYet')}</span>
            </p>
            <p className="small">
              <ScheduleText schedule={o.schedule} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
