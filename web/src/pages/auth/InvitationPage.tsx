import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Membership } from '../../api/types';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { NewcomerFields } from '../../components/NewcomerFields';
import { Loading, Page } from '../../components/Page';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useLinkToken } from '../../lib/linkToken';
import { useSession } from '../../session/SessionContext';

/** Accepting an invitation: signed in as the invited address, or by creating the account. */
export function InvitationPage() {
  const { t } = useTranslation();
  const session = useSession();
  const token = useLinkToken();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [accepted, setAccepted] = useState<Membership | null>(null);

  if (!token) {
    return (
      <Page title={t('invitation.title')}>
        <Notice tone="warning">{t('links.missingToken')}</Notice>
      </Page>
    );
  }
  if (session.status === 'loading') return <Loading />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const membership =
        session.status === 'signedIn' ? await api.acceptInvitation(token) : await api.acceptInvitation(token, { name, password });
      setAccepted(membership);
      if (session.status === 'signedIn') await session.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setErrors({ byField: {}, alert: t('links.invalid') });
      else if (err instanceof ApiError && err.status === 409) setErrors({ byField: {}, alert: t('invitation.notPending') });
      else if (err instanceof ApiError && err.status === 403) setErrors({ byField: {}, alert: t('invitation.wrongAccount') });
      else setErrors(formErrors(t, err, ['name', 'password', 'email']));
    } finally {
      setBusy(false);
    }
  };

  if (accepted) {
    return (
      <Page title={t('invitation.title')}>
        <Status>
          {t('invitation.done', { organization: accepted.organization_name, role: t(`roles.${accepted.role}`, accepted.role) })}
        </Status>
        <p>
          {session.status === 'signedIn' ? (
            <Link to="/">{t('errors.goHome')}</Link>
          ) : (
            <Link to="/login">{t('invitation.signInNow')}</Link>
          )}
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={t('invitation.title')}
      intro={session.user ? t('invitation.signedInIntro', { email: session.user.email }) : t('invitation.newAccountIntro')}
    >
      <form className="card form" onSubmit={submit} noValidate>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        {session.status === 'signedIn' ? null : (
          <NewcomerFields
            name={name}
            password={password}
            onName={setName}
            onPassword={setPassword}
            errors={errors}
          />
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('invitation.accept')}
          </button>
          {session.status === 'signedIn' ? null : (
            <Link to="/login" state={{ from: `/invitation#token=${encodeURIComponent(token)}` }}>
              {t('invitation.haveAccount')}
            </Link>
          )}
        </div>
      </form>
    </Page>
  );
}
