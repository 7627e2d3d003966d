import './orders.css';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import * as api from '../../api/orders';
import type { Agreement, ClientRecord, Grant, GrantWithBalance, Order, OrderView, ServiceSummary, VoucherApproval } from '../../api/types';
import { FormAlert, Notice } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { estimateVisit } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { isChoiceGrant, lastOrder, newOrderOf, providerOptions, type ProviderOption } from '../../lib/orderForm';
import { addDays, isoWeekday, localDate, type ScheduleChoice } from '../../lib/schedule';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { SplitList } from './OrderBits';
import { OrderFormFields, type FormValues } from './OrderFormFields';
import { ProviderChoice, type Quoted } from './ProviderChoice';
import { GrantList } from './GrantList';

interface Loaded {
  grant: GrantWithBalance;
  client: Pick<ClientRecord, 'id' | 'name' | 'language' | 'phone'>;
  previous: OrderView | null;
  approvals: VoucherApproval[] | null;
  agreements: Agreement[] | null;
  services: ServiceSummary[];
}

class GrantMissing extends Error {}

/** Everything the form starts from: the grant, the client, their last order, who may deliver. */
async function loadStart(clientId: string, grantId: string, self: { id: string; name: string; language: string; phone: string | null }): Promise<Loaded> {
  const [grants, orders, client] = await Promise.all([
    api.listGrants(clientId),
    api.listClientOrders(clientId).catch(() => [] as Order[]),
    clientId === self.id ? Promise.resolve(self) : api.getClient(clientId),
  ]);
  const grant = grants.find((g) => g.id === grantId);
  if (!grant) throw new GrantMissing();
  const category = grant.categories?.[0] ?? '';
  const last = lastOrder(orders, category);
  const [previous, approvals, agreements] = await Promise.all([
    last ? api.getOrder(last.id).catch(() => null) : Promise.resolve(null),
    isChoiceGrant(grant) ? api.listVoucherApprovals(grant.payer_id).catch(() => [] as VoucherApproval[]) : Promise.resolve(null),
    api.listAgreements(grant.payer_id, true).catch(() => null),
  ]);
  const services = agreements
    ? []
    : (await directory.searchServices({ category, municipality: previous?.municipality_code ?? undefined, limit: 100 }).catch(() => null))
        ?.items ?? [];
  return { grant, client: { ...client, language: client.language as ClientRecord['language'] }, previous, approvals, agreements, services };
}

function initialValues(l: Loaded, today: string): FormValues {
  const p = l.previous;
  const start = addDays(today, 1) ?? today;
  const schedule: ScheduleChoice = {
    repeat: 'once',
    interval: 1,
    weekdays: [isoWeekday(start)],
    startDate: start,
    windowStart: p?.schedule?.window_start || '10:00',
    windowEnd: p?.schedule?.window_end || '12:00',
    skipHolidays: true,
  };
  return {
    category: l.grant.categories?.[0] ?? '',
    providerId: '',
    municipality: p?.municipality_code ?? '',
    district: p?.district_code ?? '',
    language: p?.language ?? l.client.language,
    needs: p?.needs ?? '',
    address: p?.address ?? '',
    doorCode: p?.door_code ?? '',
    phone: p?.contact_phone || l.client.phone || '',
    schedule,
    durationMinutes: p?.duration_minutes && p.duration_minutes <= 480 ? p.duration_minutes : 120,
    tasks: (p?.tasks ?? []).join('\n'),
  };
}

/** The server's field paths → the form's fields. */
function fieldOf(path: string): string {
  if (path.startsWith('tasks')) return 'tasks';
  if (path.startsWith('grants') || path === 'service_id' || path === 'provider_id') return 'provider';
  if (path === 'schedule') return 'schedule.start_date';
  return path;
}

export const FORM_FIELDS = [
  'provider',
  'municipality_code',
  'district_code',
  'language',
  'needs',
  'address',
  'door_code',
  'contact_phone',
  'schedule.start_date',
  'schedule.window_start',
  'schedule.window_end',
  'schedule.weekdays',
  'duration_minutes',
  'tasks',
];

/**
 * The order form: starts from one of the client's grants (category, client and grant chosen, the
 * address and needs from the last order), compares the providers by what the client pays after
 * the grant, shows the split of the chosen one and places the order.
 */
export function OrderFormPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const names = useDirectoryNames();
  const [params] = useSearchParams();
  const clientId = params.get('client') ?? session.user!.id;
  const grantId = params.get('grant') ?? '';
  const user = session.user!;
  const today = localDate(new Date(), session.timeZone);
  const start = useAsync(
    () => loadStart(clientId, grantId, { id: user.id, name: user.name, language: user.language, phone: user.phone ?? null }),
    [clientId, grantId],
  );
  const [values, setValues] = useState<FormValues | null>(null);
  const [quotes, setQuotes] = useState<Map<string, Quoted>>(new Map());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const keys = useIdempotencyKey();

  useEffect(() => {
    if (start.data && !values) setValues(initialValues(start.data, today));
  }, [start.data, values, today]);

  const options: ProviderOption[] = useMemo(() => {
    if (!start.data || !values) return [];
    return providerOptions({
      category: values.category,
      municipality: values.municipality,
      approvals: start.data.approvals,
      agreements: start.data.agreements,
      services: start.data.services,
      payerId: start.data.grant.payer_id,
    });
  }, [start.data, values]);

  // Each provider's price net of the grant for one visit; asked again when the visit changes.
  const quoteKey = values ? `${values.category}|${values.durationMinutes}|${values.schedule.startDate}|${options.map((o) => o.providerId).join(',')}` : '';
  useEffect(() => {
    if (!values || !start.data) return;
    const grant: Grant = start.data.grant;
    const controller = new AbortController();
    const initial = new Map<string, Quoted>(
      options.map((o) => [o.providerId, { option: o, quote: null, problem: o.pricing ? 'loading' : 'noPrice' }]),
    );
    setQuotes(initial);
    const timer = window.setTimeout(() => {
      for (const o of options) {
        if (!o.pricing) continue;
        const visit = estimateVisit(o.pricing, values.durationMinutes);
        api
          .quoteFunding(
            clientId,
            {
              grants: [grant.id],
              category: values.category,
              provider_id: o.providerId,
              date: values.schedule.startDate || today,
              price_cents: visit.price_cents,
              billable_minutes: visit.billable_minutes,
              currency: o.pricing.currency,
            },
            controller.signal,
          )
          .then(
            (quote) => setQuotes((m) => new Map(m).set(o.providerId, { option: o, quote, problem: null })),
            (e: unknown) => {
              if (e instanceof DOMException && e.name === 'AbortError') return;
              setQuotes((m) => new Map(m).set(o.providerId, { option: o, quote: null, problem: 'failed' }));
            },
          );
      }
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
    // quoteKey stands for the values the quotes depend on.
  }, [quoteKey, clientId]);

  if (start.error) {
    return (
      <Page title={t('orderForm.title')}>
        {start.error instanceof GrantMissing ? (
          <Notice tone="warning">
            <p>{t('orderForm.grantMissing')}</p>
          </Notice>
        ) : (
          <LoadError error={start.error} onRetry={() => void start.reload()} />
        )}
      </Page>
    );
  }
  if (!start.data || !values) {
    return (
      <Page title={t('orderForm.title')}>
        <Loading />
      </Page>
    );
  }
  const loaded = start.data;
  const purchaserSide = loaded.agreements !== null;
  const chosen = values.providerId && values.providerId !== 'any' ? quotes.get(values.providerId) : undefined;
  const forOther = clientId !== user.id;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!values) return;
    const local: Record<string, string[]> = {};
    if (!values.providerId) local.provider = [t('orderForm.chooseProvider')];
    if (!values.address.trim()) local.address = [t('fieldMessages.required')];
    if (!values.municipality) local.municipality_code = [t('fieldMessages.required')];
    if (!values.schedule.startDate) local['schedule.start_date'] = [t('fieldMessages.required')];
    if (Object.keys(local).length > 0) {
      setErrors({ byField: local, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const option = values.providerId === 'any' ? null : (options.find((o) => o.providerId === values.providerId) ?? null);
      const view = await api.createOrder(
        newOrderOf({ ...values, clientId, grant: loaded.grant, option }),
        keys.key(),
      );
      keys.settle();
      navigate(`/orders/${view.id}`, { state: { placed: true } });
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, FORM_FIELDS, {}, fieldOf));
      setBusy(false);
    }
  }

  return (
    <Page
      title={t('orderForm.titleFor', { category: names.categoryName(values.category) })}
      intro={forOther ? t('orderForm.introFor', { name: loaded.client.name }) : t('orderForm.intro')}
    >
      <section className="section" aria-labelledby="grant-heading">
        <h2 id="grant-heading">{t('orderForm.grant')}</h2>
        <GrantList grants={[loaded.grant]} clientId={clientId} orderLink={false} emptyText="" />
      </section>
      <form className="form order-form" onSubmit={(e) => void submit(e)} noValidate data-testid="order-form">
        <OrderFormFields
          values={values}
          onChange={(change) => setValues((v) => (v ? { ...v, ...change } : v))}
          errors={errors.byField}
          categories={loaded.grant.categories ?? []}
          today={today}
        >
          <ProviderChoice
            options={[...quotes.values()]}
            value={values.providerId}
            onChange={(providerId) => setValues((v) => (v ? { ...v, providerId } : v))}
            errors={errors.byField.provider}
            allowNoPreference={purchaserSide}
            forClient={!forOther}
          />
        </OrderFormFields>
        <section className="section card split-preview" aria-labelledby="split-heading" aria-live="polite">
          <h2 id="split-heading">{t('orderForm.splitTitle')}</h2>
          {chosen?.quote ? (
            <>
              <p>{t('orderForm.splitIntro', { provider: chosen.option.providerName })}</p>
              <SplitList
                shares={chosen.quote.shares}
                currency={chosen.quote.currency ?? 'EUR'}
                priceCents={chosen.quote.price_cents}
                testId="split-preview"
                forClient={!forOther}
              />
              <p className="muted small">{t('orderForm.splitNote')}</p>
            </>
          ) : (
            <p className="muted">{values.providerId === 'any' ? t('orderForm.splitAny') : t('orderForm.splitChoose')}</p>
          )}
        </section>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <div className="actions">
          <button type="submit" className="button button-primary button-large" disabled={busy} data-testid="place-order">
            {busy ? t('orders.sending') : t('orderForm.place')}
          </button>
          <Link to={forOther && !purchaserSide ? `/orders?client=${clientId}` : purchaserSide ? `/purchaser/clients/${clientId}` : '/orders'}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
