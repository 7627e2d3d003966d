import './directory.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import * as api from '../../api/client';
import * as directory from '../../api/directory';
import { ApiError } from '../../api/problem';
import type { Organization } from '../../api/types';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { editedProviders } from '../../lib/roles';
import {
  contentToForm,
  editorFields,
  emptyForm,
  fieldOf,
  formToContent,
  TEXT_LANGUAGES,
  type ServiceForm,
  type TextLanguage,
} from '../../lib/serviceForm';
import { langAttr, pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ServiceView } from '../shop/ServiceView';
import { ServiceFormFields } from './ServiceFormFields';
import { ServiceHistory } from './ServiceHistory';
import { StateBadge, workingContent } from './StateBadge';

/** The server's fields (and their prefixes) each part of the form answers for. */
const FORM_TO_FIELDS: Partial<Record<keyof ServiceForm, string[]>> = {
  name: ['name'],
  description: ['description'],
  category: ['category'],
  municipalities: ['area'],
  districts: ['area'],
  postalCodes: ['area.postal_codes', 'area'],
  languages: ['languages'],
  priceModel: ['price.model'],
  amount: ['price.amount'],
  currency: ['price.currency'],
  minimumCharge: ['price.minimum_charge'],
  vatRate: ['price.vat_rate_bp'],
  labourShare: ['price.labour_share_bp'],
  vouchers: ['vouchers'],
  hours: ['hours'],
  capacityPerWeek: ['capacity_per_week'],
  leadTimeDays: ['lead_time_days'],
};

const PURCHASER_KINDS: readonly string[] = ['welfare_area', 'municipality', 'employer'];

interface EditorLocationState {
  status?: 'created' | 'submitted';
}

/**
 * A provider admin creates or edits a service: all fields, a preview of the public page, the
 * review steps (send, withdraw, archive), the coordinator's comment and the history.
 */
export function ServiceEditorPage() {
  const { serviceId } = useParams();
  // A new editor for each service (and for "new"), so no state of one leaks into the next.
  return <Editor key={serviceId ?? 'new'} serviceId={serviceId} />;
}

function Editor({ serviceId }: { serviceId: string | undefined }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const { language } = session;
  const names = useDirectoryNames();
  const providers = session.viewer ? editedProviders(session.viewer) : [];
  const isNew = !serviceId;

  const loaded = useAsync(() => (serviceId ? directory.getManagedService(serviceId) : Promise.resolve(null)), [serviceId]);
  const [etag, setEtag] = useState<string | null>(null);
  const [form, setForm] = useState<ServiceForm | null>(isNew ? emptyForm(language) : null);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<TextLanguage>(TEXT_LANGUAGES.includes(language as TextLanguage) ? (language as TextLanguage) : 'fi');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  // After a save or a step the state card (with the status) takes the focus and comes into view:
  // on a phone the buttons are far below it.
  const stateCard = useRef<HTMLDivElement>(null);
  const [announce, setAnnounce] = useState(0);
  useEffect(() => {
    if (announce) stateCard.current?.focus();
  }, [announce]);

  const service = loaded.data?.value ?? null;
  const orgId = service?.provider.id ?? params.get('org') ?? providers[0]?.id ?? '';
  const provider = service?.provider ?? { id: orgId, name: providers.find((p) => p.id === orgId)?.name ?? '' };
  const regionId = service?.region_id ?? providers.find((p) => p.id === orgId)?.regionId ?? '';

  useEffect(() => {
    if (!loaded.data) return;
    setEtag(loaded.data.etag);
    setForm(contentToForm(workingContent(loaded.data.value), language));
    setDirty(false);
    // Filled once per loaded version; switching the reader's language does not refill it.
  }, [loaded.data]);

  // A status handed over by the page that created the service; shown once, then forgotten, so a
  // reload or a later visit does not repeat it.
  useEffect(() => {
    const s = (location.state as EditorLocationState | null)?.status;
    if (!s) return;
    setStatus(t(s === 'created' ? 'editor.created' : 'editor.submitted'));
    navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate, t]);

  const purchasers = useAsync(
    () =>
      regionId
        ? api.listOrganizations(regionId).then((orgs: Organization[]) => orgs.filter((o) => PURCHASER_KINDS.includes(o.kind)))
        : Promise.resolve([] as Organization[]),
    [regionId],
  );

  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFoundPage />;
  if (loaded.error) {
    return (
      <Page title={t('editor.editTitle')}>
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      </Page>
    );
  }
  if (!form || (!isNew && !service)) return <Loading />;

  const state = service?.state ?? 'draft';
  const editable = isNew || (state !== 'in_review' && state !== 'archived');
  // A published service goes to review once it has changes (saved first, then sent).
  const canSubmit = isNew || state === 'draft' || state === 'changes_requested' || (state === 'published' && dirty);
  const fields = editorFields(form.hours.length);

  const change = (c: Partial<ServiceForm>) => {
    setForm((f) => (f ? { ...f, ...c } : f));
    setDirty(true);
    // A message goes once its field is edited; the alert stays until the next save.
    const stale = Object.keys(c).flatMap((k) => FORM_TO_FIELDS[k as keyof ServiceForm] ?? []);
    if (stale.length && Object.keys(errors.byField).length) {
      setErrors((e) => ({
        ...e,
        byField: Object.fromEntries(
          Object.entries(e.byField).filter(([f]) => !stale.some((p) => f === p || f.startsWith(`${p}.`))),
        ),
      }));
    }
  };

  const showErrors = (err: unknown) => {
    const shown = formErrors(
      t,
      err,
      fields,
      { 409: t('editor.conflict'), 412: t('editor.stale') },
      fieldOf,
    );
    setErrors(shown);
    const firstTab = TEXT_LANGUAGES.find((l) => shown.byField[`name.${l}`] || shown.byField[`description.${l}`]);
    if (firstTab) setTab(firstTab);
  };

  /** Saves the form; the service's new version, or null when something stopped it (shown). */
  const save = async (): Promise<directory.VersionedService | null> => {
    const { content, problems } = formToContent(form);
    if (Object.keys(problems).length > 0) {
      const byField: Record<string, string[]> = {};
      for (const [field, p] of Object.entries(problems)) byField[field] = [t(p.key, p.values)];
      setErrors({ byField, alert: t('errors.checkFields') });
      return null;
    }
    try {
      if (isNew) return await directory.createService(orgId, content);
      const saved = await directory.editServiceDraft(serviceId!, etag!, content);
      loaded.setData(() => saved);
      setHistoryKey((k) => k + 1);
      return saved;
    } catch (err) {
      showErrors(err);
      return null;
    }
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const saved = await save();
      if (!saved) return;
      if (isNew) {
        navigate(`/provider/services/${saved.value.id}`, { replace: true, state: { status: 'created' } });
      } else {
        setStatus(t('editor.saved'));
        setAnnounce((n) => n + 1);
      }
    });
  };

  const onSubmitForReview = () =>
    run(async () => {
      let current: directory.VersionedService | null = service && etag ? { value: service, etag } : null;
      if (isNew || dirty || !current) {
        current = await save();
        if (!current) return;
      }
      try {
        const sent = await directory.stepService('submit', current.value.id, current.etag);
        if (isNew) {
          navigate(`/provider/services/${sent.value.id}`, { replace: true, state: { status: 'submitted' } });
          return;
        }
        loaded.setData(() => sent);
        setHistoryKey((k) => k + 1);
        setStatus(t('editor.submitted'));
        setAnnounce((n) => n + 1);
      } catch (err) {
        showErrors(err);
      }
    });

  const step = (which: 'withdraw' | 'archive') =>
    run(async () => {
      try {
        const next = await directory.stepService(which, serviceId!, etag!);
        loaded.setData(() => next);
        setHistoryKey((k) => k + 1);
        setStatus(t(which === 'withdraw' ? 'editor.withdrawn' : 'editor.archived'));
        setAnnounce((n) => n + 1);
      } catch (err) {
        showErrors(err);
      }
    });

  const name = pickText(service ? workingContent(service).name : undefined, language);
  const title = isNew ? t('editor.newTitle') : name.text || t('editor.editTitle');
  const comment = service?.review_comment;
  const { content: previewContent } = formToContent(form);

  return (
    <Page title={title} titleLang={isNew ? undefined : langAttr(name, language)} wide>
      <p className="back-link">
        <Link to={`/provider/services?org=${orgId}`}>{t('editor.backToList', { name: provider.name })}</Link>
      </p>
      {comment && (state === 'changes_requested' || state === 'draft') ? (
        <div className="alert alert-warning review-comment" data-testid="review-comment">
          <h2>{t('editor.commentTitle')}</h2>
          <blockquote>
            {comment.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </blockquote>
          <p className="small">{t('editor.commentHelp')}</p>
        </div>
      ) : null}
      <div className="card state-card" data-testid="service-state" data-state={isNew ? 'new' : state} ref={stateCard} tabIndex={-1}>
        <p>
          <strong>{t('editor.stateLabel')}</strong> {isNew ? <span className="badge">{t('editor.states.new')}</span> : <StateBadge state={state} />}
        </p>
        <p className="small">{t(`editor.stateHelp.${isNew ? 'new' : state}`)}</p>
        {service?.published && state !== 'published' && state !== 'archived' ? (
          <p className="small">
            {t('editor.publishedStaysVisible')} <Link to={`/services/${service.id}`}>{t('editor.openPublic')}</Link>
          </p>
        ) : null}
        {state === 'published' && service ? (
          <p className="small">
            <Link to={`/services/${service.id}`}>{t('editor.openPublic')}</Link>
          </p>
        ) : null}
        {!isNew && state === 'in_review' ? (
          <div className="actions">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void step('withdraw')} data-testid="withdraw">
              {t('editor.withdraw')}
            </button>
          </div>
        ) : null}
        <Status>{status}</Status>
      </div>
      <form onSubmit={onSave} noValidate aria-label={title} className="service-form">
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <fieldset className="plain-fieldset" disabled={!editable || busy}>
          <legend className="visually-hidden">{title}</legend>
          {!editable ? (
            <Notice>
              <p>{t(state === 'archived' ? 'editor.archivedReadOnly' : 'editor.inReviewReadOnly')}</p>
            </Notice>
          ) : null}
          <ServiceFormFields
            form={form}
            onChange={change}
            byField={errors.byField}
            names={names}
            purchasers={purchasers.data ?? (purchasers.error ? [] : null)}
            tab={tab}
            onTab={setTab}
          />
        </fieldset>
        <div className="editor-actions">
          {editable ? (
            <button type="submit" className="button button-secondary" aria-disabled={busy || undefined} data-testid="save-draft">
              {t('editor.saveDraft')}
            </button>
          ) : null}
          {editable && canSubmit ? (
            <button
              type="button"
              className="button button-primary"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) void onSubmitForReview();
              }}
              data-testid="submit-for-review"
            >
              {t('editor.submit')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={preview}
            aria-controls="service-preview"
            onClick={() => setPreview((p) => !p)}
            data-testid="toggle-preview"
          >
            {preview ? t('editor.hidePreview') : t('editor.showPreview')}
          </button>
        </div>
      </form>
      <section id="service-preview" className="preview" aria-labelledby="preview-heading" hidden={!preview} data-testid="preview">
        <h2 id="preview-heading">{t('editor.previewTitle')}</h2>
        <p className="muted small">{t('editor.previewIntro')}</p>
        {preview ? (
          <div className="preview-frame">
            <p className="preview-name" lang={langAttr(pickText(previewContent.name, language), language)}>
              {pickText(previewContent.name, language).text || t('shop.unnamed')}
            </p>
            <ServiceView content={previewContent} provider={provider} names={names} level={3} />
          </div>
        ) : null}
      </section>
      {!isNew && state !== 'archived' ? (
        <section className="section danger-zone card" aria-labelledby="archive-heading">
          <h2 id="archive-heading">{t('editor.archiveTitle')}</h2>
          <p>{t('editor.archiveIntro')}</p>
          <ConfirmButton
            label={t('editor.archive')}
            question={t('editor.archiveQuestion')}
            confirmLabel={t('editor.archiveConfirm')}
            onConfirm={() => step('archive')}
            busy={busy}
          />
        </section>
      ) : null}
      {serviceId ? <ServiceHistory serviceId={serviceId} reloadKey={historyKey} /> : null}
    </Page>
  );
}
