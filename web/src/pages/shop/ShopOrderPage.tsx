import '../orders/orders.css';
import './shopOrder.css';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import * as ordersApi from '../../api/orders';
import { ApiError } from '../../api/problem';
import * as shop from '../../api/shop';
import type { PublicService, User } from '../../api/types';
import { FormAlert, Notice } from '../../components/Alert';
import { SelectField, focusFirstInvalid } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { lastOrder, placeOfAddress } from '../../lib/orderForm';
import { clientsActedFor, isClient } from '../../lib/roles';
import { formatCivilDate, localDate } from '../../lib/schedule';
import { pickText } from '../../lib/serviceText';
import {
  checkAccount,
  checkShopOrder,
  clearDraft,
  earliestStart,
  emailTaken,
  keepDraft,
  newShopOrder,
  orderPlace,
  placeFieldOf,
  readDraft,
  SHOP_ORDER_FIELDS,
  shopFieldOf,
  shopOrderOf,
  type AccountValues,
  type ShopOrderValues,
} from '../../lib/shopOrder';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ScheduleFields } from '../orders/ScheduleFields';
import { FirstVisit, WhatFields, WhereFields } from './ShopOrderFields';
import { AccountFields } from './ShopOrderParts';
import { PaymentFields, usePayableGrants } from './ShopPayment';

/** The fields a previous order fills in while the person has not typed them. */
export type Remembered = Pick<ShopOrderValues, 'address' | 'doorCode' | 'phone' | 'needs'>;

/** The address, door code, phone and needs of the client's last order, preferring one of the category. */
export async function rememberedOf(clientId: string, category: string): Promise<Partial<Remembered>> {
  const orders = await ordersApi.listClientOrders(clientId).catch(() => []);
  const last = lastOrder(orders, category);
  if (!last) return {};
  const view = await ordersApi.getOrder(last.id).catch(() => null);
  if (!view) return {};
  return { address: view.address ?? '', doorCode: view.door_code ?? '', phone: view.contact_phone ?? '', needs: view.needs ?? '' };
}

/** /services/:id/order: the order form of one published service, for visitors and signed-in people. */
export function ShopOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { status } = useSession();
  const service = useAsync(() => directory.getPublicService(id), [id]);
  if (service.error instanceof ApiError && service.error.status === 404) return <NotFoundPage />;
  if (service.error) {
    return (
      <Page title={t('orderForm.title')}>
        <LoadError error={service.error} onRetry={() => void service.reload()} />
      </Page>
    );
  }
  if (!service.data || status === 'loading') {
    return (
      <Page title={t('orderForm.title')}>
        <Loading />
      </Page>
    );
  }
  return <ShopOrderForm key={service.data.id} service={service.data} />;
}

function ShopOrderForm({ service }: { service: PublicService }) {
  const { t } = useTranslation();
  const session = useSession();
  const { language } = session;
  const navigate = useNavigate();
  const names = useDirectoryNames();
  const [params] = useSearchParams();
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);

  const visitor = session.status !== 'signedIn';
  const serviceName = pickText(service.name, language).text || t('shop.unnamed');
  const provider = service.provider.name;
  const today = localDate(new Date(), session.timeZone);
  const earliest = earliestStart(today, service.lead_time_days);

  // Whose order: one's own (a client) and those of the clients one acts for (as "My orders" picks).
  const self = session.user?.id ?? '';
  const whoseOptions = useMemo(() => {
    if (!session.viewer) return [];
    const actedFor = clientsActedFor(session.viewer);
    const others = new Map(session.received.filter((d) => actedFor.includes(d.client_id)).map((d) => [d.client_id, d.client_name ?? '']));
    return [...(isClient(session.viewer) ? [{ id: self, name: t('shopOrder.myself') }] : []), ...[...others].map(([id, name]) => ({ id, name }))];
  }, [session.viewer, session.received, self, t]);
  const asked = params.get('client');
  const [whose, setWhose] = useState(() => whoseOptions.find((o) => o.id === asked)?.id ?? whoseOptions[0]?.id ?? '');

  const [draft] = useState(() => readDraft(service.id));
  const [values, setValues] = useState<ShopOrderValues>(
    () => draft?.values ?? { ...newShopOrder(service, earliest, language), phone: visitor ? '' : (session.user?.phone ?? '') },
  );
  const [account, setAccount] = useState<AccountValues>(() => ({
    name: draft?.account.name ?? '',
    email: draft?.account.email ?? '',
    password: '',
    language: draft?.account.language ?? language,
  }));
  const [addressTouched, setAddressTouched] = useState(Boolean(draft?.values.address));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [takenEmail, setTakenEmail] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState(false);
  const change = (c: Partial<ShopOrderValues>) => setValues((v) => ({ ...v, ...c }));

  useEffect(() => {
    if (draft) clearDraft();
  }, [draft]);

  // The chosen client's last address, door code, phone and needs, in the fields not typed in.
  const ownPhone = session.user?.phone ?? '';
  const remembered = useRef<Partial<Remembered>>({ phone: visitor ? '' : ownPhone });
  useEffect(() => {
    if (visitor || !whose) return;
    let live = true;
    void rememberedOf(whose, service.category ?? '').then((next) => {
      if (!live) return;
      if (whose === self && !next.phone) next.phone = ownPhone;
      const before = remembered.current;
      remembered.current = next;
      setValues((v) => {
        const out = { ...v };
        for (const k of ['address', 'doorCode', 'phone', 'needs'] as const) {
          if (v[k] === '' || v[k] === before[k]) out[k] = next[k] ?? '';
        }
        return out;
      });
      if (next.address) setAddressTouched(true);
    });
    return () => {
      live = false;
    };
  }, [visitor, whose, self, ownPhone, service.category]);

  // The chosen client's grants that can pay for this service; one of them is chosen by itself.
  const { grants, payFrom, setPayFrom } = usePayableGrants(
    visitor ? '' : whose,
    service.category ?? '',
    today,
    service.vouchers ?? [],
  );

  // The address is the place's source: its postal code names the municipality and district.
  const derived = names.ready ? placeOfAddress(values.address, names.places) : null;
  const place = orderPlace(values, derived);

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  if (!visitor && whoseOptions.length === 0) {
    return (
      <Page title={t('shopOrder.title', { service: serviceName })}>
        <Notice tone="warning">
          <p>{t('shopOrder.cannotOrder')}</p>
        </Notice>
        <p>
          <Link to={`/services/${service.id}`}>{t('shopOrder.backToService')}</Link>
        </p>
      </Page>
    );
  }
  if (placed) {
    return (
      <Page title={t('shopOrder.title', { service: serviceName })}>
        <Loading />
      </Page>
    );
  }

  const placeName = [place.district, place.municipality].filter(Boolean).map((c) => names.placeName(c)).join(', ');
  const messageParams = {
    provider,
    place: placeName,
    date: formatCivilDate(earliest, language),
  };
  const mapField = (path: string) => placeFieldOf(shopFieldOf(path), derived);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const order = { ...values, ...place };
    const local: Record<string, string[]> = {};
    for (const [field, key] of Object.entries(checkShopOrder(order, { earliest, area: service.area, places: names.places }))) {
      (local[mapField(field)] ??= []).push(t(key, messageParams));
    }
    if (visitor) for (const [field, key] of Object.entries(checkAccount(account))) (local[field] ??= []).push(t(key));
    if (Object.keys(local).length > 0) {
      setErrors({ byField: local, alert: t('shopOrder.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    setTakenEmail(null);
    try {
      if (visitor) {
        const answer = await shop.checkout({
          account: {
            email: account.email.trim(),
            name: account.name.trim(),
            password: account.password,
            language: account.language,
            ...(order.phone.trim() ? { phone: order.phone.trim() } : {}),
          },
          order: shopOrderOf(order, service),
        });
        setPlaced(true);
        // Signed in by the answer's cookie: the session learns who it is, as after logging in.
        await session.signedIn(answer.user as unknown as User).catch(() => session.refresh());
        navigate(`/orders/${answer.order.id}/placed`, { replace: true, state: { newAccount: true, email: answer.user.email } });
      } else {
        const view = await ordersApi.createOrder(
          { ...shopOrderOf(order, service), client_id: whose, ...(payFrom ? { grants: [payFrom] } : {}) },
          keys.key(),
        );
        keys.settle();
        setPlaced(true);
        navigate(`/orders/${view.id}/placed`, { replace: true });
      }
    } catch (err) {
      keys.settle(err);
      if (err instanceof ApiError && emailTaken(err.problem.errors)) setTakenEmail(account.email.trim());
      const shown = formErrors(t, err, SHOP_ORDER_FIELDS, {}, mapField);
      // The alert sits below the fields, by the button.
      setErrors(shown.alert === t('errors.checkFields') ? { ...shown, alert: t('shopOrder.checkFields') } : shown);
      setBusy(false);
    }
  }

  function signInAndReturn() {
    keepDraft({ serviceId: service.id, values, account: { name: account.name, email: account.email, language: account.language } });
    navigate('/login', { state: { from: `/services/${service.id}/order` } });
  }

  const s = values.schedule;
  const byField = errors.byField;

  return (
    <Page
      title={t('shopOrder.title', { service: serviceName })}
      intro={visitor ? t('shopOrder.introVisitor', { provider }) : t('shopOrder.intro', { provider })}
    >
      <p className="back-link">
        <Link to={`/services/${service.id}`}>{t('shopOrder.backToService')}</Link>
      </p>
      <form ref={formRef} className="form order-form shop-order-form" onSubmit={(e) => void submit(e)} noValidate data-testid="shop-order-form">
        {whoseOptions.length > 1 ? (
          <SelectField
            label={t('shopOrder.whose')}
            value={whose}
            onChange={(e) => setWhose(e.target.value)}
            errors={byField.whose}
            name="whose"
            data-testid="order-for"
          >
            {whoseOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : whose && whose !== self ? (
          <p className="place-line" data-testid="order-for-name">
            {t('shopOrder.forName', { name: whoseOptions[0]?.name ?? '' })}
          </p>
        ) : null}

        <ScheduleFields
          schedule={s}
          onChange={(c) => change({ schedule: { ...s, ...c } })}
          errors={byField}
          minDate={earliest}
        >
          <FirstVisit schedule={s} earliest={earliest} provider={provider} />
        </ScheduleFields>

        <WhatFields service={service} values={values} onChange={change} errors={byField} deduction={!payFrom} />

        <WhereFields
          service={service}
          names={names}
          values={values}
          onChange={change}
          errors={byField}
          derived={derived}
          place={place}
          showPlace={addressTouched}
          onAddressBlur={() => setAddressTouched(values.address.trim() !== '')}
        />

        <PaymentFields
          grants={grants}
          value={payFrom}
          onChange={setPayFrom}
          errors={byField.pay_from}
          clientId={whose}
          service={service}
          minutes={values.durationMinutes}
          date={s.startDate || earliest}
          forClient={whose === self}
        />

        {visitor ? (
          <AccountFields
            account={account}
            onChange={(c) => setAccount((a) => ({ ...a, ...c }))}
            errors={byField}
            takenEmail={takenEmail}
            onSignIn={signInAndReturn}
          />
        ) : null}

        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <div className="actions">
          <button type="submit" className="button button-primary button-large" disabled={busy} data-testid="place-order">
            {busy ? t('shopOrder.sending') : visitor ? t('shopOrder.submitVisitor') : t('shopOrder.submit')}
          </button>
          <Link to={`/services/${service.id}`}>{t('common.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
