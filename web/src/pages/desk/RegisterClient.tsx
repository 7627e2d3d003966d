import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as desk from '../../api/desk';
import type { Language, LookAlike } from '../../api/types';
import { FormAlert, Notice } from '../../components/Alert';
import { SelectField, TextField, focusFirstInvalid } from '../../components/Field';
import { LANGUAGES, NATIVE_NAMES } from '../../i18n/languages';
import { useDirectoryNames } from '../../lib/directoryData';
import {
  checkRegistration,
  formatBirthDate,
  lookAlikeProbe,
  newClientOf,
  REGISTER_FIELDS,
  type FindValues,
  type RegisterValues,
} from '../../lib/desk';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { placeOfAddress } from '../../lib/orderForm';
import { useSession } from '../../session/SessionContext';

/** Waits this long after the last key before asking for look-alikes. */
const PROBE_PAUSE_MS = 500;

/**
 * Registering a caller the search did not find: what was typed into the search comes along; while
 * name, birth date and phone are typed, records that look alike are shown before saving.
 */
export function RegisterClient({
  regionId,
  purpose,
  typed,
  linkTo,
  onRegistered,
  onCancel,
}: {
  regionId: string;
  purpose: string;
  typed: FindValues;
  linkTo: (clientId: string) => string;
  onRegistered: (clientId: string, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { language } = session;
  const names = useDirectoryNames();
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const region = session.regions.find((r) => r.id === regionId);
  const [values, setValues] = useState<RegisterValues>(() => ({
    name: typed.name.trim(),
    birthDate: typed.birthDate,
    identityCode: typed.identityCode.trim(),
    phone: typed.phone.trim(),
    email: '',
    language: (region?.default_language as Language | undefined) ?? language,
    street: '',
    postalCode: '',
    city: '',
    municipality: '',
  }));
  const [municipalityChosen, setMunicipalityChosen] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [alike, setAlike] = useState<LookAlike[]>([]);
  const change = (c: Partial<RegisterValues>) => setValues((v) => ({ ...v, ...c }));

  // The region's municipalities (codes of its country: fi-…, de-…, dk-…).
  const prefix = region ? `${region.country.toLowerCase()}-` : '';
  const municipalities = useMemo(() => names.municipalities.filter((m) => m.code.startsWith(prefix)), [names.municipalities, prefix]);

  // The postal code names the municipality until one is chosen by hand.
  useEffect(() => {
    if (municipalityChosen || !names.ready) return;
    const place = placeOfAddress(values.postalCode, names.places);
    if (place && place.municipality !== values.municipality) change({ municipality: place.municipality });
  }, [values.postalCode, values.municipality, municipalityChosen, names.ready, names.places]);

  // What the caller says next goes straight into the form.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }, []);

  const probe = lookAlikeProbe(values);
  const probeKey = probe ? JSON.stringify(probe) : '';
  useEffect(() => {
    if (!probeKey) {
      setAlike([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      desk.lookAlikes(regionId, JSON.parse(probeKey), controller.signal).then(setAlike, () => undefined);
    }, PROBE_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [regionId, probeKey]);

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: Record<string, string[]> = {};
    for (const [field, key] of Object.entries(checkRegistration(values))) (local[field] ??= []).push(t(key));
    if (Object.keys(local).length > 0) {
      setErrors({ byField: local, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const record = await desk.registerClient(regionId, newClientOf(values), purpose, keys.key());
      keys.settle();
      onRegistered(record.id, record.name);
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, REGISTER_FIELDS));
      setBusy(false);
    }
  }

  const byField = errors.byField;
  return (
    <section className="desk-panel desk-register" aria-labelledby="register-heading" data-testid="register-form">
      <h2 id="register-heading">{t('desk.register.title')}</h2>
      <p className="muted">{t('desk.register.intro')}</p>
      <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-pair">
          <TextField
            label={t('desk.register.name')}
            value={values.name}
            onChange={(e) => change({ name: e.target.value })}
            errors={byField.name}
            autoComplete="off"
            maxLength={200}
            name="name"
          />
          <TextField
            type="date"
            label={t('desk.register.birthDate')}
            value={values.birthDate}
            onChange={(e) => change({ birthDate: e.target.value })}
            errors={byField.birth_date}
            name="birth_date"
          />
        </div>
        <div className="field-pair">
          <TextField
            label={t('desk.register.identityCode')}
            hint={t('desk.register.identityCodeHint')}
            value={values.identityCode}
            onChange={(e) => change({ identityCode: e.target.value })}
            errors={byField.identity_code}
            autoComplete="off"
            spellCheck={false}
            maxLength={11}
            name="identity_code"
          />
          <TextField
            type="tel"
            label={t('desk.register.phone')}
            hint={t('desk.register.phoneHint')}
            value={values.phone}
            onChange={(e) => change({ phone: e.target.value })}
            errors={byField.phone}
            autoComplete="off"
            name="phone"
          />
        </div>

        <div aria-live="polite" data-testid="register-look-alikes">
          {alike.length > 0 ? (
            <Notice tone="warning">
              <p>
                <strong>{t('desk.register.alikeTitle', { count: alike.length })}</strong>
              </p>
              <ul className="desk-alike-list">
                {alike.map((a) => (
                  <li key={a.id}>
                    {[a.name, formatBirthDate(a.birth_date, language), a.municipality_name].filter(Boolean).join(', ')}{' '}
                    <span className="muted">({t(`desk.reasons.${a.reason}`)})</span> <Link to={linkTo(a.id)}>{t('desk.register.openInstead')}</Link>
                  </li>
                ))}
              </ul>
              <p>{t('desk.register.alikeText')}</p>
            </Notice>
          ) : null}
        </div>

        <div className="field-pair">
          <TextField
            type="email"
            label={t('desk.register.email')}
            hint={t('desk.register.optional')}
            value={values.email}
            onChange={(e) => change({ email: e.target.value })}
            errors={byField.email}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            name="email"
          />
          <SelectField
            label={t('desk.register.language')}
            value={values.language}
            onChange={(e) => change({ language: e.target.value as Language })}
            errors={byField.language}
            name="language"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {NATIVE_NAMES[l]}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="plain-fieldset form-section">
          <legend className="desk-legend">{t('desk.register.address')}</legend>
          <TextField
            label={t('desk.register.street')}
            value={values.street}
            onChange={(e) => change({ street: e.target.value })}
            errors={byField['address.street']}
            autoComplete="off"
            maxLength={200}
            name="street"
          />
          <div className="field-pair">
            <TextField
              label={t('desk.register.postalCode')}
              value={values.postalCode}
              onChange={(e) => change({ postalCode: e.target.value })}
              errors={byField['address.postal_code']}
              inputMode="numeric"
              autoComplete="off"
              maxLength={10}
              name="postal_code"
            />
            <TextField
              label={t('desk.register.city')}
              value={values.city}
              onChange={(e) => change({ city: e.target.value })}
              errors={byField['address.city']}
              autoComplete="off"
              maxLength={100}
              name="city"
            />
          </div>
          <SelectField
            label={t('desk.register.municipality')}
            hint={t('desk.register.municipalityHint')}
            value={values.municipality}
            onChange={(e) => {
              setMunicipalityChosen(true);
              change({ municipality: e.target.value });
            }}
            errors={byField['address.municipality_code']}
            name="municipality"
          >
            <option value="">{t('orderForm.chooseMunicipality')}</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {names.placeName(m.code)}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="register-submit">
            {busy ? t('desk.register.saving') : alike.length > 0 ? t('desk.register.submitAnyway') : t('desk.register.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
