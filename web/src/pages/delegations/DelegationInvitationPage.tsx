import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Delegation } from '../../api/types';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { NewcomerFields } from '../../components/NewcomerFields';
import { Loading, Page } from '../../components/Page';
import { formErrors, generalMessage, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useLinkToken } from '../../lib/linkToken';
import { useSession } from '../../session/SessionContext';

/** Words for a refusal of the link; the server's sentence names which of its rules it was. */
function refusal(t: TFunction, err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  const detail = err.problem.detail ?? '';
  if (err.status === 404) return t('links.invalid');
  if (err.status === 409) {
    return detail.startsWith('You can already act for') ? t('delegationInvitation.alreadyActing') : t('delegationInvitation.notPending');
  }
  if (err.status === 403 && !err.isMfaRequired) {
    if (detail.startsWith('This invitation was sent to another')) return t('delegationInvitation.wrongAccount');
    if (detail.startsWith('You work in an organization')) return t('delegationInvitation.staffRefused');
    return generalMessage(t, err);
  }
  return null;
}

/**
 * The link of a delegation invitation (/delegation#token=…): signed in as the invited address
 * the person accepts; otherwise they create their account for that address with name and password.
 */
export function DelegationInvitationPage() {
  const { t } = useTranslation();
  const session = useSession();
  const token = useLinkToken();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [accepted, setAccepted] = useState<Delegation | null>(null);

  if (!token) {
    return (
      <Page title={t('delegationInvitation.title')}>
        <Notice tone="warning">{t('links.missingToken')}</Notice>
      </Page>
    );
  }
  if (session.status === 'loading') return <Loading />;
  const signedIn = session.status === 'signedIn';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const delegation = signedIn ? await api.acceptDelegation(token) : await api.acceptDelegation(token, { name, password });
      setAccepted(delegation);
      if (signedIn) await session.refresh();
    } catch (err) {
      const alert = refusal(t, err);
      setErrors(alert ? { byField: {}, alert } : formErrors(t, err, ['name', 'password', 'email']));
    } finally {
      setBusy(false);
    }
  };

  if (accepted) {
    return (
      <Page title={t('delegationInvitation.title')}>
        <Status>{t('delegationInvitation.done', { name: accepted.client_name })}</Status>
        <p>{t(`delegationInvitation.youMay.${accepted.scope}`, { name: accepted.client_name })}</p>
        <p>
          {signedIn ? (
            <Link to="/delegations">{t('delegationInvitation.seeDelegations')}</Link>
          ) : (
            <Link to="/login">{t('invitation.signInNow')}</Link>
          )}
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={t('delegationInvitation.title')}
      intro={
        session.user
          ? t('delegationInvitation.signedInIntro', { email: session.user.email })
          : t('delegationInvitation.newAccountIntro')
      }
    >
      <form className="card form" onSubmit={submit} noValidate>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        {signedIn ? null : (
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
            {t('delegationInvitation.accept')}
          </button>
          {signedIn ? null : (
            <Link to="/login" state={{ from: `/delegation#token=${encodeURIComponent(token)}` }}>
              {t('invitation.haveAccount')}
            </Link>
          )}
        </div>
      </form>
    </Page>
  );
}
