import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import { FormAlert, Notice } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useLinkToken } from '../../lib/linkToken';
import { useSession } from '../../session/SessionContext';

/** The page of a password-reset link and of a new account's set-your-password link. */
export function ResetPasswordPage({ newAccount = false }: { newAccount?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const title = newAccount ? t('reset.setTitle') : t('reset.title');

  if (!token) {
    return (
      <Page title={title}>
        <Notice tone="warning">{t('links.missingToken')}</Notice>
        <p>
          <Link to="/forgot-password">{t('reset.askNew')}</Link>
        </p>
      </Page>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setErrors({ byField: { repeat: [t('reset.mismatch')] }, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await api.resetPassword(token, password);
      session.forgetSession(); // a new password ends every session
      navigate('/login', { replace: true, state: { passwordChanged: true } });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 409)) {
        setErrors({ byField: {}, alert: err.status === 404 ? t('links.invalid') : t('links.used') });
      } else {
        setErrors(formErrors(t, err, ['password']));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={title} intro={t('reset.intro')}>
      <form className="card form" onSubmit={submit} noValidate>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <TextField
          label={t('reset.password')}
          hint={t('reset.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={errors.byField.password}
          required
        />
        <TextField
          label={t('reset.repeat')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          errors={errors.byField.repeat}
          required
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('reset.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
