import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/client';
import { FormAlert, Status } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await api.requestPasswordReset(email);
      setSent(true);
    } catch (err) {
      setErrors(formErrors(t, err, ['email']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('forgot.title')} intro={t('forgot.intro')}>
      <Status>{sent ? t('forgot.sent', { email }) : null}</Status>
      {sent ? null : (
        <form className="card form" onSubmit={submit} noValidate>
          <FormAlert message={errors.alert} requestId={errors.requestId} />
          <TextField
            label={t('forgot.email')}
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={errors.byField.email}
            required
          />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('forgot.submit')}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </p>
    </Page>
  );
}
