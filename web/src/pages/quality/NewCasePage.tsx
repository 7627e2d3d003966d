import './quality.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import * as orders from '../../api/orders';
import * as api from '../../api/quality';
import type { CaseCategory, CaseSeverity, NewQualityCase } from '../../api/quality';
import type { Order } from '../../api/types';
import { FormAlert, Notice } from '../../components/Alert';
import { ChoiceGroup, SelectField, TextAreaField, focusFirstInvalid } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { CASE_SEVERITIES, categoryKey, FILED_CATEGORIES, filesAsClientSide, formatLocalDate, severityHintKey, severityKey } from '../../lib/quality';
import { clientsActedFor, deskRegions, isClient, type Viewer } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { useWhoseClient, WhoseSelect } from '../orders/WhoseClient';
import { AttachmentPicker, type PickedFile } from './AttachmentPicker';

const DESCRIPTION_MAX = 4000;
/** The fields of the form, as the server names them in its 422. */
const CASE_FIELDS = ['kind', 'category', 'severity', 'description', 'client_id', 'order_id', 'visit_id', 'provider_id', 'region_id', 'file'] as const;

/** What the case page says after filing (the router's state). */
export interface FiledState {
  filed: true;
  /** files that could not be attached, with why */
  failed: { name: string; reason: string }[];
}

/** Whether the person files as staff: a coordinator, advisor, provider's admin or worker, purchaser's officer. */
function staffRoles(v: Viewer): string[] {
  return [...new Set(v.memberships.map((m) => m.role))].filter((r) =>
    ['coordinator', 'advisor', 'provider_admin', 'provider_worker', 'purchaser_officer'].includes(r),
  );
}

/**
 * /cases/new: a complaint (the client's side) or a deviation or complaint (staff). A client or a
 * delegate chooses for whom (as "My orders" does) and, if it is about one, the order and the
 * visit; staff file from an order's page (`?order=`) or, coordinators and advisors, about their
 * region. Files are sent after the case exists, each with its own Content-Type and name.
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const session = useSession();
  const viewer = session.viewer!;
  const [params] = useSearchParams();
  const orderParam = params.get('order') ?? '';
  const staff = staffRoles(viewer);
  const clientSide = filesAsClientSide(viewer) && (params.has('client') || staff.length === 0 || !orderParam);
  return (
    <Page title={clientSide ? t('quality.form.titleClient') : t('quality.form.titleStaff')} intro={clientSide ? t('quality.form.introClient') : t('quality.form.introStaff')}>
      {clientSide ? <ClientCaseForm /> : staff.length > 0 ? <StaffCaseForm /> : <NotFiler />}
    </Page>
  );
}

function NotFiler() {
  const { t } = useTranslation();
  return (
    <Notice>
      <p>{t('quality.form.notFiler')}</p>
    </Notice>
  );
}

/** The client's side: for whom, about which order and visit (optional). */
function ClientCaseForm() {
  const { t } = useTranslation();
  const session = useSession();
  const viewer = session.viewer!;
  const names = useDirectoryNames();
  const [params, setParams] = useSearchParams();
  const chosen = useWhoseClient();
  const { clientId, whose } = chosen;
  const orderParam = params.get('order') ?? '';
  const visitParam = params.get('visit') ?? '';
  const list = useAsync(() => orders.listClientOrders(clientId), [clientId]);
  const [orderId, setOrderId] = useState('');
  const [visitId, setVisitId] = useState(visitParam);

  // A link that names an order but not whose (the rating page's) finds the client it belongs to.
  useEffect(() => {
    if (!orderParam || params.has('client')) return;
    const candidates = [...(isClient(viewer) ? [session.user!.id] : []), ...clientsActedFor(viewer)];
    let gone = false;
    void Promise.all(candidates.map((c) => orders.listClientOrders(c).then((os) => (os.some((o) => o.id === orderParam) ? c : null), () => null))).then(
      (found) => {
        const owner = found.find(Boolean);
        if (!gone && owner && owner !== clientId) {
          const next = new URLSearchParams(params);
          next.set('client', owner);
          setParams(next, { replace: true });
        }
      },
    );
    return () => {
      gone = true;
    };
    // Once per link.
  }, [orderParam]);

  // The order of the link, once the client's orders show it.
  useEffect(() => {
    if (list.data && orderParam && list.data.some((o) => o.id === orderParam)) setOrderId(orderParam);
    else setOrderId('');
  }, [list.data, orderParam]);

  const order = useAsync(() => (orderId ? orders.getOrder(orderId) : Promise.resolve(null)), [orderId]);
  const visits = (order.data?.visits ?? [])
    .filter((v) => v.state !== 'planned' && v.state !== 'cancelled')
    .sort((a, b) => b.starts_at.localeCompare(a.starts_at));

  const orderLabel = (o: Order) =>
    [
      t('order.titleOf', { category: names.categoryName(o.category), place: names.placeName(o.district_code ?? o.municipality_code ?? '') }),
      o.provider_name,
    ]
      .filter(Boolean)
      .join(' – ');

  return (
    <CaseForm
      kindChoice={false}
      base={() => ({
        client_id: clientId,
        ...(orderId ? { order_id: orderId } : {}),
        ...(orderId && visitId && visits.some((v) => v.id === visitId) ? { visit_id: visitId } : {}),
      })}
    >
      {(errors) => (
        <>
          <WhoseSelect label={t('quality.form.whose')} chosen={chosen} testId="case-whose" />
          {whose ? <p className="muted small">{t('quality.form.forWhom', { name: whose })}</p> : null}
          {list.loading && !list.data ? <Loading /> : null}
          {list.data ? (
            <SelectField
              label={t('quality.form.order')}
              hint={t('quality.form.orderHint')}
              value={orderId}
              onChange={(e) => {
                setOrderId(e.target.value);
                setVisitId('');
              }}
              errors={errors.byField.order_id}
              data-testid="case-order"
            >
              <option value="">{t('quality.form.noOrder')}</option>
              {list.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {orderLabel(o)}
                </option>
              ))}
            </SelectField>
          ) : null}
          {orderId && visits.length > 0 ? (
            <SelectField
              label={t('quality.form.visit')}
              value={visitId}
              onChange={(e) => setVisitId(e.target.value)}
              errors={errors.byField.visit_id}
              data-testid="case-visit"
            >
              <option value="">{t('quality.form.noVisit')}</option>
              {visits.map((v) => (
                <option key={v.id} value={v.id}>
                  {formatLocalDate(v.local_date, session.language)} – {t(`visitStates.${v.state}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
        </>
      )}
    </CaseForm>
  );
}

/** Staff: a deviation or complaint about the order of the link, or (coordinators, advisors) about their region. */
function StaffCaseForm() {
  const { t } = useTranslation();
  const session = useSession();
  const names = useDirectoryNames();
  const [params] = useSearchParams();
  const orderParam = params.get('order') ?? '';
  const visitParam = params.get('visit') ?? '';
  const regions = deskRegions(session.viewer!);
  const [regionId, setRegionId] = useState(regions[0] ?? '');
  const order = useAsync(() => (orderParam ? orders.getOrder(orderParam) : Promise.resolve(null)), [orderParam]);

  if (!orderParam && regions.length === 0) {
    return (
      <Notice>
        <p data-testid="case-from-order">{t('quality.form.fromOrder')}</p>
      </Notice>
    );
  }
  const regionName = (id: string) => session.regions.find((r) => r.id === id)?.name ?? id;
  const o = order.data;
  return (
    <CaseForm
      kindChoice
      base={() => ({
        ...(orderParam ? { order_id: orderParam } : { region_id: regionId }),
        ...(orderParam && visitParam ? { visit_id: visitParam } : {}),
      })}
    >
      {(errors) =>
        orderParam ? (
          <div className="field">
            <p>
              <strong>{t('quality.form.aboutOrder')}</strong>{' '}
              <Link to={`/orders/${encodeURIComponent(orderParam)}`} data-testid="case-about-order">
                {o
                  ? t('order.titleOf', { category: names.categoryName(o.category), place: names.placeName(o.district_code ?? o.municipality_code ?? '') })
                  : t('quality.form.theOrder')}
              </Link>
              {o?.provider_name ? ` – ${o.provider_name}` : ''}
            </p>
            {errors.byField.order_id ? <p className="field-error">{errors.byField.order_id.join(' ')}</p> : null}
          </div>
        ) : regions.length > 1 ? (
          <SelectField label={t('quality.form.region')} value={regionId} onChange={(e) => setRegionId(e.target.value)} errors={errors.byField.region_id}>
            {regions.map((r) => (
              <option key={r} value={r}>
                {regionName(r)}
              </option>
            ))}
          </SelectField>
        ) : (
          <p>
            <strong>{t('quality.form.region')}:</strong> {regionName(regionId)}
          </p>
        )
      }
    </CaseForm>
  );
}

/**
 * The fields every case has (kind for staff, category, severity with its deadline in words,
 * description, files) around what the caller adds (`children`: whom and what it is about), and
 * the sending: the case, then each file.
 */
function CaseForm({
  kindChoice,
  base,
  children,
}: {
  kindChoice: boolean;
  base: () => Partial<NewQualityCase>;
  children: (errors: FormErrors) => JSX.Element;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'complaint' | 'deviation'>(kindChoice ? 'deviation' : 'complaint');
  const [category, setCategory] = useState<CaseCategory | ''>('');
  const [severity, setSeverity] = useState<CaseSeverity>('medium');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState<'case' | 'files' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useIdempotencyKey();

  useEffect(() => {
    if (errors.alert) focusFirstInvalid(formRef.current);
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const byField: Record<string, string[]> = {};
    if (!category) byField.category = [t('quality.form.chooseCategory')];
    if (!description.trim()) byField.description = [t('quality.form.describe')];
    if (files.some((f) => f.problem !== null)) byField.file = [t('quality.files.removeBad')];
    if (Object.keys(byField).length > 0) {
      setErrors({ byField, alert: t('errors.checkFields') });
      return;
    }
    setBusy('case');
    setErrors(NO_ERRORS);
    let created: api.QualityCase;
    try {
      created = await api.createCase(
        { kind, category: category as NewQualityCase['category'], severity, description: description.trim(), ...base() },
        keys.key(),
      );
      keys.settle();
    } catch (err) {
      keys.settle(err);
      setBusy(null);
      setErrors(formErrors(t, err, CASE_FIELDS, { 404: t('quality.form.orderGone') }));
      return;
    }
    setBusy('files');
    const failed: FiledState['failed'] = [];
    for (const f of files) {
      try {
        await api.uploadAttachment(created.id, f.file);
      } catch (err) {
        failed.push({ name: f.file.name, reason: uploadProblem(t, err) });
      }
    }
    setBusy(null);
    const state: FiledState = { filed: true, failed };
    navigate(`/cases/${created.id}`, { state });
  }

  return (
    <form ref={formRef} className="form case-form" onSubmit={(e) => void submit(e)} noValidate data-testid="case-form">
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      {children(errors)}
      {kindChoice ? (
        <ChoiceGroup legend={t('quality.form.kind')} errors={errors.byField.kind}>
          {(['deviation', 'complaint'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`case-kind-${k}`} />
              <span>
                {t(`quality.kinds.${k}`)}
                <span className="choice-hint">{t(`quality.form.kindHint.${k}`)}</span>
              </span>
            </label>
          ))}
        </ChoiceGroup>
      ) : null}
      <SelectField
        label={t('quality.form.category')}
        value={category}
        onChange={(e) => setCategory(e.target.value as CaseCategory)}
        errors={errors.byField.category}
        name="category"
        data-testid="case-category"
      >
        <option value="">{t('quality.form.chooseCategoryOption')}</option>
        {FILED_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(categoryKey(c))}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup legend={t('quality.form.severity')} hint={t('quality.form.severityHint')} errors={errors.byField.severity}>
        {CASE_SEVERITIES.map((s) => (
          <label key={s} className="choice">
            <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} data-testid={`case-severity-${s}`} />
            <span>
              {t(severityKey(s))}
              <span className="choice-hint">{t(severityHintKey(s))}</span>
            </span>
          </label>
        ))}
      </ChoiceGroup>
      <TextAreaField
        label={kindChoice ? t('quality.form.descriptionStaff') : t('quality.form.description')}
        hint={t('quality.form.descriptionHint')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors.byField.description}
        maxLength={DESCRIPTION_MAX}
        rows={6}
        name="description"
        data-testid="case-description"
      />
      <AttachmentPicker files={files} onChange={setFiles} errors={errors.byField.file} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy ? 'true' : undefined} data-testid="case-submit">
          {busy === 'case' ? t('quality.form.sending') : busy === 'files' ? t('quality.files.sending') : kindChoice ? t('quality.form.submitStaff') : t('quality.form.submit')}
        </button>
        <Link to="/cases">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}

/** Why a file was not attached, in words: its type (415), its size (413), its content (422), too many or closed (409). */
export function uploadProblem(t: (key: string, o?: Record<string, unknown>) => string, err: unknown): string {
  const status = (err as { status?: number } | null)?.status;
  switch (status) {
    case 415:
      return t('quality.files.wrongType');
    case 413:
      return t('quality.files.tooLarge');
    case 422:
      return t('quality.files.failedCheck');
    case 409:
      return t('quality.files.full');
    default:
      return t('quality.files.notSent');
  }
}
