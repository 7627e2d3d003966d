import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import type { User } from '../../api/types';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useSession } from '../../session/SessionContext';

interface LocationState {
  from?: string;
  signedOut?: boolean;
  passwordChanged?: boolean;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LocationState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  if (session.status === 'signedIn' && !busy) return <Navigate to={state.from ?? '/'} replace />;

  const finish = async (user: User) => {
    await session.signedIn(user);
    navigate(state.from ?? '/', { replace: true });
  };

  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const answer = await api.login(email, password);
      if (api.isMfaChallenge(answer)) {
        setMfaToken(answer.mfa_token);
        setCode('');
      } else {
        await finish(answer);
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setErrors({ byField: {}, alert: t('login.wrongCredentials') });
      else setErrors(formErrors(t, err, ['email', 'password']));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    if (!mfaToken) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const answer = useRecovery ? { recovery_code: code.trim() } : { code: code.replace(/\s+/g, '') };
      await finish(await api.loginMfa(mfaToken, answer));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        // The challenge expired or was used up: start again from the password.
        setMfaToken(null);
        setPassword('');
        setErrors({ byField: {}, alert: t('login.mfaExpired') });
      } else if (err instanceof ApiError && err.status === 422) {
        const field = useRecovery ? 'recovery_code' : 'code';
        const shown = formErrors(t, err, [field]);
        setErrors({
          byField: { [field]: [useRecovery ? t('login.wrongRecoveryCode') : t('login.wrongCode')] },
          alert: shown.alert,
        });
      } else {
        setErrors(formErrors(t, err, []));
      }
    } finally {
      setBusy(false);
    }
  };

  if (mfaToken) {
    const field = useRecovery ? 'recovery_code' : 'code';
    return (
      <Page title={t('login.mfaTitle')} intro={useRecovery ? t('login.recoveryIntro') : t('login.mfaIntro')}>
        <form className="card form" onSubmit={submitCode} noValidate>
          <FormAlert message={errors.alert} />
          {useRecovery ? (
            <TextField
              label={t('login.recoveryCode')}
              name="recovery_code"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              errors={errors.byField[field]}
              required
              autoFocus
            />
          ) : (
            <TextField
              label={t('login.code')}
              hint={t('login.codeHint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              errors={errors.byField[field]}
              required
              autoFocus
            />
          )}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('login.verify')}
            </button>
            <button
              type="button"
              className="button button-link"
              onClick={() => {
                setUseRecovery((r) => !r);
                setCode('');
                setErrors(NO_ERRORS);
              }}
            >
              {useRecovery ? t('login.useCode') : t('login.useRecovery')}
            </button>
          </div>
        </form>
      </Page>
    );
  }

  return (
    <Page title={t('login.title')} intro={t('login.intro')}>
      {session.sessionEnded ? <Notice tone="warning">{t('login.sessionEnded')}</Notice> : null}
      <Status>{state.signedOut ? t('login.signedOut') : state.passwordChanged ? t('login.passwordChanged') : null}</Status>
      <form className="card form" onSubmit={submitPassword} noValidate>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <TextField
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={errors.byField.email}
          required
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={errors.byField.password}
          required
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
      </form>
    </Page>
  );
}
