import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Invitation, Membership } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { describeRole } from '../../lib/accessLog';
import { formErrors, generalMessage, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { ROLES_BY_KIND } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { MemberRoleForm } from './MemberRoleForm';
import { TokensSection } from './TokensSection';

export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const session = useSession();
  const org = useAsync(() => api.getOrganization(organizationId), [organizationId]);
  const members = useAsync(() => api.listMembers(organizationId), [organizationId]);
  const invitations = useAsync(() => api.listInvitations(organizationId), [organizationId]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  if (org.error instanceof ApiError && org.error.status === 404) return <NotFoundPage />;
  if (org.error) {
    return (
      <Page title={t('org.title')}>
        <LoadError error={org.error} onRetry={() => void org.reload()} />
      </Page>
    );
  }
  if (!org.data) return <Loading />;
  const o = org.data;
  const roles = ROLES_BY_KIND[o.kind] ?? [];
  const chosenRole = role || roles[1] || roles[0] || '';

  const removeMember = async (m: Membership) => {
    setAlert(null);
    setStatus(null);
    try {
      await api.removeMember(o.id, m.id);
      setStatus(t('org.removed', { name: m.user_name }));
      await members.reload();
      if (m.user_id === session.user?.id) await session.refresh();
    } catch (err) {
      setAlert(err instanceof ApiError && err.status === 409 ? t('org.lastAdmin') : generalMessage(t, err));
    }
  };

  const roleChanged = async (changed: Membership) => {
    setAlert(null);
    setStatus(null);
    members.setData((list) => list?.map((x) => (x.id === changed.id ? changed : x)));
    // One's own role decides the navigation (and whether this page is still one's to manage).
    if (changed.user_id === session.user?.id) await session.refresh();
  };

  const revokeInvitation = async (i: Invitation) => {
    setAlert(null);
    setStatus(null);
    try {
      await api.revokeInvitation(o.id, i.id);
      setStatus(t('org.invitationRevoked', { email: i.email }));
      await invitations.reload();
    } catch (err) {
      setAlert(generalMessage(t, err));
    }
  };

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus(null);
    try {
      const i = await api.invite(o.id, { email: email.trim(), role: chosenRole });
      setStatus(t('org.invited', { email: i.email }));
      setEmail('');
      await invitations.reload();
    } catch (err) {
      setErrors(formErrors(t, err, ['email', 'role']));
    } finally {
      setBusy(false);
    }
  };

  const pending = invitations.data?.filter((i) => i.status === 'pending') ?? [];

  return (
    <Page title={o.name} intro={t('org.intro', { kind: t(`org.kinds.${o.kind}`) })} wide>
      <nav className="sub-nav" aria-label={t('org.sections')}>
        <ul>
          <li>
            <a href="#members">{t('org.members')}</a>
          </li>
          <li>
            <a href="#invitations">{t('org.invitations')}</a>
          </li>
          <li>
            <a href="#tokens">{t('org.tokens')}</a>
          </li>
          <li>
            <Link to={`/organizations/${o.id}/webhooks`} data-testid="org-webhooks-link">
              {t('org.webhooks')}
            </Link>
          </li>
          {ROLES_BY_KIND[o.kind]?.[0] === 'provider_admin' ? (
            <li>
              <Link to={`/provider/services?org=${o.id}`} data-testid="org-services-link">
                {t('org.services')}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <Status>{status}</Status>
      <FormAlert message={alert} />
      <section className="section" aria-labelledby="members-heading" id="members">
        <h2 id="members-heading">{t('org.members')}</h2>
        {members.error ? <LoadError error={members.error} onRetry={() => void members.reload()} /> : null}
        {members.loading && !members.data ? <Loading /> : null}
        {members.data && members.data.length === 0 ? <p className="empty">{t('org.membersEmpty')}</p> : null}
        {members.data && members.data.length > 0 ? (
          <ul className="item-list" data-testid="member-list">
            {members.data.map((m) => (
              <li key={m.id} className="item" data-member={m.user_email}>
                <div className="item-main">
                  <h3 className="item-title">{m.user_name}</h3>
                  <p className="small">
                    {m.user_email} · <span className="badge">{describeRole(t, m.role)}</span>
                  </p>
                  <p className="muted small">
                    {t('org.memberSince')} <DateTime value={m.created_at} dateOnly />
                  </p>
                  {m.user_id === session.user?.id ? (
                    // Nobody changes their own role (the server refuses too): say who can.
                    <p className="muted small" data-testid="own-role-note">
                      {t('org.ownRoleNote')}
                    </p>
                  ) : (
                    <MemberRoleForm organizationId={o.id} kind={o.kind} member={m} onChanged={roleChanged} />
                  )}
                </div>
                <div className="item-actions">
                  <ConfirmButton
                    label={t('org.remove')}
                    question={t('org.removeQuestion', { name: m.user_name })}
                    confirmLabel={t('org.removeConfirm')}
                    onConfirm={() => removeMember(m)}
                  />
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="section" aria-labelledby="invitations-heading" id="invitations">
        <h2 id="invitations-heading">{t('org.invitations')}</h2>
        {invitations.error ? <LoadError error={invitations.error} onRetry={() => void invitations.reload()} /> : null}
        {invitations.data && pending.length === 0 ? <p className="empty">{t('org.invitationsEmpty')}</p> : null}
        {pending.length > 0 ? (
          <ul className="item-list" data-testid="invitation-list">
            {pending.map((i) => (
              <li key={i.id} className="item" data-invitation={i.email}>
                <div className="item-main">
                  <h3 className="item-title">{i.email}</h3>
                  <p className="small">
                    <span className="badge">{describeRole(t, i.role)}</span> · {t('org.invitationExpires')}{' '}
                    <DateTime value={i.expires_at} dateOnly />
                  </p>
                </div>
                <div className="item-actions">
                  <ConfirmButton
                    label={t('org.revokeInvitation')}
                    question={t('org.revokeInvitationQuestion', { email: i.email })}
                    confirmLabel={t('org.revokeInvitationConfirm')}
                    onConfirm={() => revokeInvitation(i)}
                  />
                </div>
              </li>
            ))}
          </ul>
        ) : null}
        <form className="card form" onSubmit={invite} noValidate aria-labelledby="invite-heading">
          <h3 id="invite-heading">{t('org.inviteTitle')}</h3>
          <p>{t('org.inviteIntro')}</p>
          <FormAlert message={errors.alert} requestId={errors.requestId} />
          <TextField
            label={t('org.email')}
            name="invite_email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={errors.byField.email}
            required
          />
          <SelectField
            label={t('org.role')}
            name="role"
            value={chosenRole}
            onChange={(e) => setRole(e.target.value)}
            errors={errors.byField.role}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {describeRole(t, r)}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('org.invite')}
            </button>
          </div>
        </form>
      </section>
      <TokensSection organizationId={o.id} />
      <section className="section" aria-labelledby="webhooks-heading" id="webhooks">
        <h2 id="webhooks-heading">{t('org.webhooks')}</h2>
        <p>{t('org.webhooksIntro')}</p>
        <p>
          <Link to={`/organizations/${o.id}/webhooks`} className="button button-secondary" data-testid="manage-webhooks">
            {t('org.manageWebhooks')}
          </Link>
        </p>
      </section>
    </Page>
  );
}
