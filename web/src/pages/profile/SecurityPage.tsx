import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { groupSecret } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { ProfileNav } from './ProfileNav';

/** Recovery codes, shown once, with a way to keep them. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <section className="card section highlight" aria-labelledby="codes-heading" data-testid="recovery-codes">
      <h2 id="codes-heading" tabIndex={-1}>
        {t('mfa.recoveryTitle')}
      </h2>
      <p>{t('mfa.recoveryIntro')}</p>
      <ol className="codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true));
          }}
        >
          {t('common.copy')}
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('mfa.recoverySaved')}
        </button>
      </div>
      <Status>{copied ? t('common.copied') : null}</Status>
    </section>
  );
}

/** A form that asks for one code from the app and runs `action` with it. */
function CodeForm({
  submitLabel,
  tone = 'primary',
  action,
}: {
  submitLabel: string;
  tone?: 'primary' | 'danger';
  action: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await action(code.replace(/\s+/g, ''));
      setCode('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const shown = formErrors(t, err, ['code']);
        setErrors({ byField: { code: [t('login.wrongCode')] }, alert: shown.alert });
      } else {
        setErrors(formErrors(t, err, ['code']));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <TextField
        label={t('login.code')}
        hint={t('login.codeHint')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        errors={errors.byField.code}
        required
      />
      <div className="actions">
        <button type="submit" className={`button button-${tone}`} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

type Enrolment = { secret: string; otpauth_uri: string };

/**
 * The step before the key is shown: the server wants the account's password again, so that
 * someone at an unlocked, signed-in browser cannot tie the account to their own phone.
 */
function PasswordStep({
  email,
  onStarted,
  onCancel,
}: {
  email: string;
  onStarted: (enrolment: Enrolment) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const form = useRef<HTMLFormElement>(null);
  const focusPassword = () => form.current?.querySelector<HTMLInputElement>('input[name="password"]')?.focus();

  // The step replaces the button that opened it, so the keyboard focus goes on to its field.
  useEffect(() => {
    focusPassword();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (password === '') {
      setErrors({ byField: { password: [t('fieldMessages.required')] }, alert: null });
      focusPassword();
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const enrolment = await api.startTotp(password);
      setPassword('');
      onStarted(enrolment);
    } catch (err) {
      const shown = formErrors(t, err, ['password']);
      setErrors(shown);
      if (shown.byField.password) focusPassword();
      setBusy(false);
    }
  };

  return (
    <div className="enrol" data-testid="mfa-password-step">
      <h3 id="mfa-password-heading">{t('mfa.passwordTitle')}</h3>
      <p>{t('mfa.passwordIntro')}</p>
      <form ref={form} className="form" onSubmit={submit} noValidate aria-labelledby="mfa-password-heading">
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        {/* For password managers: which account this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={t('mfa.password')}
          hint={t('mfa.passwordHint')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={errors.byField.password}
          required
        />
        <div className="actions">
          {/* Not disabled while waiting: a disabled button drops the keyboard focus to the page's start. */}
          <button type="submit" className="button button-primary" aria-busy={busy || undefined}>
            {t('mfa.showKey')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

export function SecurityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const user = session.user!;
  const mfa = user.mfa ?? { enabled: false, required: false, recovery_codes_left: 0 };
  const [asking, setAsking] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Where the keyboard focus goes after a step changes what is shown.
  const [focusNext, setFocusNext] = useState<'start' | 'step1' | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const step1Heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusNext === 'start') startButton.current?.focus();
    if (focusNext === 'step1') step1Heading.current?.focus();
    if (focusNext) setFocusNext(null);
  }, [focusNext]);

  // After a change of the second factor, load the person again: staff endpoints that refused
  // before enrolment (403 mfa-required) now answer, so the roles and menu come back.
  const reloadMe = () => session.refresh();

  const showRequired = (params.get('required') === '1' || mfa.required) && !mfa.enabled;

  return (
    <Page title={t('mfa.title')} intro={t('mfa.intro')}>
      <ProfileNav />
      {showRequired ? (
        <Notice tone="warning">
          <p>
            <strong>{t('mfa.requiredTitle')}</strong>
          </p>
          <p>{t('mfa.requiredNotice')}</p>
        </Notice>
      ) : null}
      <Status>{status}</Status>
      {codes ? (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            setStatus(t('mfa.recoveryStored'));
          }}
        />
      ) : null}
      <section className="card section" aria-labelledby="mfa-status-heading">
        <h2 id="mfa-status-heading">{t('mfa.statusTitle')}</h2>
        <p data-testid="mfa-status">
          <span className={mfa.enabled ? 'badge badge-ok' : 'badge badge-warn'}>
            {mfa.enabled ? t('mfa.statusOn') : t('mfa.statusOff')}
          </span>{' '}
          {mfa.enabled ? t('mfa.codesLeft', { count: mfa.recovery_codes_left }) : null}
        </p>
        {!mfa.enabled && !enrolment && !asking ? (
          <button
            ref={startButton}
            type="button"
            className="button button-primary"
            onClick={() => {
              setStatus(null);
              setAsking(true);
            }}
          >
            {t('mfa.start')}
          </button>
        ) : null}
        {!mfa.enabled && !enrolment && asking ? (
          <PasswordStep
            email={user.email}
            onStarted={(started) => {
              setAsking(false);
              setEnrolment(started);
              setFocusNext('step1');
            }}
            onCancel={() => {
              setAsking(false);
              setFocusNext('start');
            }}
          />
        ) : null}
        {!mfa.enabled && enrolment ? (
          <div className="enrol" data-testid="mfa-enrolment">
            <h3 ref={step1Heading} tabIndex={-1}>
              {t('mfa.step1Title')}
            </h3>
            <p>{t('mfa.step1')}</p>
            <dl className="facts">
              <div>
                <dt>{t('mfa.secret')}</dt>
                <dd>
                  <code className="secret" data-testid="mfa-secret" data-secret={enrolment.secret}>
                    {groupSecret(enrolment.secret)}
                  </code>
                </dd>
              </div>
              <div>
                <dt>{t('mfa.uri')}</dt>
                <dd>
                  <code className="uri">{enrolment.otpauth_uri}</code>
                </dd>
              </div>
            </dl>
            <h3>{t('mfa.step2Title')}</h3>
            <p>{t('mfa.step2')}</p>
            <CodeForm
              submitLabel={t('mfa.confirm')}
              action={async (code) => {
                const fresh = await api.confirmTotp(code);
                setEnrolment(null);
                setCodes(fresh);
                await reloadMe();
              }}
            />
          </div>
        ) : null}
      </section>
      {mfa.enabled ? (
        <>
          <section className="card section" aria-labelledby="new-codes-heading">
            <h2 id="new-codes-heading">{t('mfa.newCodesTitle')}</h2>
            <p>{t('mfa.newCodesIntro')}</p>
            <CodeForm
              submitLabel={t('mfa.newCodes')}
              action={async (code) => {
                setCodes(await api.newRecoveryCodes(code));
                await reloadMe();
              }}
            />
          </section>
          <section className="card section danger-zone" aria-labelledby="disable-heading">
            <h2 id="disable-heading">{t('mfa.disableTitle')}</h2>
            <p>{mfa.required ? t('mfa.disableRequired') : t('mfa.disableIntro')}</p>
            <CodeForm
              submitLabel={t('mfa.disable')}
              tone="danger"
              action={async (code) => {
                await api.disableMfa(code);
                await reloadMe();
                setStatus(t('mfa.disabled'));
              }}
            />
          </section>
        </>
      ) : null}
    </Page>
  );
}
