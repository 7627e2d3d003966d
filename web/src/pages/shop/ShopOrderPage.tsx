import '../orders/orders.css';
import './shopOrder.css';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import * as ordersApi from '../../api/orders';
import { ApiError } from '../../api/problem';
import * as shop from '../../api/shop';
import type { GrantWithBalance, PublicService, User } from '../../api/types';
import { FormAlert, Notice } from '../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatMinutes } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { lastOrder, placeOfAddress } from '../../lib/orderForm';
import { clientsActedFor, isClient } from '../../lib/roles';
import { formatCivilDate, isoWeekday, localDate, scheduleOf, timeWindow } from '../../lib/schedule';
import { languageName, pickText } from '../../lib/serviceText';
import {
  checkAccount,
  checkShopOrder,
  clearDraft,
  defaultServiceLanguage,
  earliestStart,
  emailTaken,
  firstVisitDate,
  keepDraft,
  payableGrants,
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
import { DURATIONS } from '../orders/OrderFormFields';
import { ScheduleFields } from '../orders/ScheduleFields';
import { AccountFields, PlaceFields, VisitEstimate } from './ShopOrderParts';
import { FundingQuote, PayFromChoice } from './ShopPayment';

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
    () =>
      draft?.values ?? {
        schedule: {
          repeat: 'once',
          interval: 2,
          weekdays: [isoWeekday(earliest)],
          startDate: earliest,
          windowStart: '10:00',
          windowEnd: '12:00',
          skipHolidays: true,
        },
        durationMinutes: 120,
        address: '',
        municipality: '',
        district: '',
        doorCode: '',
        phone: visitor ? '' : (session.user?.phone ?? ''),
        needs: '',
        language: defaultServiceLanguage(service.languages ?? [], language),
      },
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
  const [grants, setGrants] = useState<GrantWithBalance[]>([]);
  const [payFrom, setPayFrom] = useState('');
  useEffect(() => {
    setGrants([]);
    setPayFrom('');
    if (visitor || !whose) return;
    let live = true;
    void ordersApi
      .listGrants(whose)
      .catch(() => [] as GrantWithBalance[])
      .then((all) => {
        if (!live) return;
        const payable = payableGrants(all, service.category ?? '', today);
        setGrants(payable);
        setPayFrom(payable.length === 1 ? payable[0]!.id : '');
      });
    return () => {
      live = false;
    };
  }, [visitor, whose, service.category, today]);

  // The address is the place's source: its postal code names the municipality and district.
  const derived = names.ready ? placeOfAddress(values.address, names.places) : null;
  const place = derived
    ? { municipality: derived.municipality, district: derived.district || (values.municipality === derived.municipality ? values.district : '') }
    : { municipality: values.municipality, district: values.district };

  useEffect(() => {
    if (!errors.alert) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
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
  // The place shown in words has no field of its own: its problems are the address's.
  const mapField = (path: string) => {
    const field = shopFieldOf(path);
    return derived && (field === 'municipality_code' || (field === 'district_code' && derived.district)) ? 'address' : field;
  };

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
  const first = s.startDate ? firstVisitDate(scheduleOf(s)) : '';
  const durations = DURATIONS.includes(values.durationMinutes) ? DURATIONS : [...DURATIONS, values.durationMinutes].sort((a, b) => a - b);
  const serviceLanguages = service.languages && service.languages.length > 0 ? service.languages : [values.language];
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
          <div className="first-visit">
            {first ? (
              <p data-testid="first-visit">
                {t('shopOrder.firstVisit', {
                  date: formatCivilDate(first, language),
                  window: timeWindow({ window_start: s.windowStart, window_end: s.windowEnd }, language),
                })}
              </p>
            ) : null}
            <p className="small">{t('shopOrder.earliest', { provider, date: formatCivilDate(earliest, language) })}</p>
          </div>
        </ScheduleFields>

        <fieldset className="plain-fieldset form-section">
          <legend className="visually-hidden">{t('orderForm.what')}</legend>
          <h2>{t('orderForm.what')}</h2>
          <SelectField
            label={t('orderForm.duration')}
            hint={service.price ? t('shopOrder.durationHint') : undefined}
            value={String(values.durationMinutes)}
            onChange={(e) => change({ durationMinutes: Number(e.target.value) })}
            errors={byField.duration_minutes}
            name="duration"
          >
            {durations.map((m) => (
              <option key={m} value={m}>
                {formatMinutes(m, language)}
              </option>
            ))}
          </SelectField>
          {service.price ? <VisitEstimate price={service.price} minutes={values.durationMinutes} area={service.area} deduction={!payFrom} /> : null}
          <TextAreaField
            label={t('orderForm.needs')}
            hint={t('orderForm.needsHint')}
            value={values.needs}
            onChange={(e) => change({ needs: e.target.value })}
            errors={byField.needs}
            maxLength={2000}
            rows={3}
            name="needs"
          />
        </fieldset>

        <fieldset className="plain-fieldset form-section">
          <legend className="visually-hidden">{t('orderForm.where')}</legend>
          <h2>{t('orderForm.where')}</h2>
          <TextField
            label={t('orderForm.address')}
            hint={t('orderForm.addressHint')}
            value={values.address}
            onChange={(e) => change({ address: e.target.value })}
            onBlur={() => setAddressTouched(values.address.trim() !== '')}
            errors={byField.address}
            autoComplete="street-address"
            maxLength={200}
            name="address"
          />
          <PlaceFields
            service={service}
            names={names}
            derived={derived}
            municipality={place.municipality}
            district={place.district}
            onChange={(p) => change(p)}
            errors={byField}
            show={addressTouched}
          />
          <div className="field-pair">
            <TextField
              label={t('orderForm.doorCode')}
              hint={t('orderForm.doorCodeHint')}
              value={values.doorCode}
              onChange={(e) => change({ doorCode: e.target.value })}
              errors={byField.door_code}
              maxLength={50}
              autoComplete="off"
              name="door_code"
            />
            <TextField
              type="tel"
              label={t('orderForm.phone')}
              hint={t('orderForm.phoneHint')}
              value={values.phone}
              onChange={(e) => change({ phone: e.target.value })}
              errors={byField.contact_phone}
              autoComplete="tel"
              name="phone"
            />
          </div>
          <SelectField
            label={t('orderForm.language')}
            hint={t('shopOrder.languageHint', { provider })}
            value={values.language}
            onChange={(e) => change({ language: e.target.value })}
            errors={byField.language}
            name="language"
          >
            {serviceLanguages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, language)}
              </option>
            ))}
          </SelectField>
        </fieldset>

        {grants.length > 0 ? (
          <fieldset className="plain-fieldset form-section" data-testid="payment">
            <legend className="visually-hidden">{t('shopOrder.payment')}</legend>
            <h2>{t('shopOrder.payment')}</h2>
            <PayFromChoice
              grants={grants}
              value={payFrom}
              onChange={setPayFrom}
              errors={byField.pay_from}
              forClient={whose === self}
            />
            {payFrom ? (
              <FundingQuote
                clientId={whose}
                grantId={payFrom}
                service={service}
                minutes={values.durationMinutes}
                date={s.startDate || earliest}
                forClient={whose === self}
              />
            ) : null}
          </fieldset>
        ) : null}

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
