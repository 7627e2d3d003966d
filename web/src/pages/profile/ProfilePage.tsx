import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Language } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { LANGUAGES, NATIVE_NAMES } from '../../i18n/languages';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useSession } from '../../session/SessionContext';
import { ProfileNav } from './ProfileNav';

export function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.user!;
  const [name, setName] = useState(user.name);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [language, setLanguage] = useState<Language>(user.language);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setErrors(NO_ERRORS);
    try {
      const updated = await api.updateMe(session.etag!, {
        name: name.trim(),
        phone: phone.trim() === '' ? null : phone.trim(),
        language,
      });
      session.setUser(updated.value, updated.etag);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        // Someone changed the profile elsewhere: show theirs, keep nothing silently.
        const fresh = await api.getMe();
        session.setUser(fresh.value, fresh.etag);
        setName(fresh.value.name);
        setPhone(fresh.value.phone ?? '');
        setLanguage(fresh.value.language);
        setErrors({ byField: {}, alert: t('profile.stale') });
      } else {
        setErrors(formErrors(t, err, ['name', 'phone', 'language']));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('profile.title')} intro={t('profile.intro')}>
      <ProfileNav />
      <form className="card form" onSubmit={submit} noValidate>
        <h2>{t('profile.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('profile.email')}</dt>
            <dd>
              {user.email}{' '}
              <span className={user.email_verified ? 'badge badge-ok' : 'badge badge-warn'}>
                {user.email_verified ? t('profile.emailVerified') : t('profile.emailNotVerified')}
              </span>
            </dd>
          </div>
        </dl>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <TextField
          label={t('profile.name')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={errors.byField.name}
          required
        />
        <TextField
          label={t('profile.phone')}
          hint={t('profile.phoneHint')}
          name="phone"
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          errors={errors.byField.phone}
        />
        <SelectField
          label={t('profile.language')}
          hint={t('profile.languageHint')}
          name="language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          errors={errors.byField.language}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {NATIVE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <Status>{saved ? t('common.saved') : null}</Status>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Page>
  );
}
