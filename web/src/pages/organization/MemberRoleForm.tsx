import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/client';
import type { Membership, OrganizationKind } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { describeRole } from '../../lib/accessLog';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { roleChoices } from '../../lib/roles';

/**
 * One member's role, changed in place: the roles the organization's kind offers and a button.
 * What happened is said right below it (the list's badge shows the new role).
 */
export function MemberRoleForm({
  organizationId,
  kind,
  member,
  onChanged,
}: {
  organizationId: string;
  kind: OrganizationKind;
  member: Membership;
  onChanged: (changed: Membership) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const role = choice ?? member.role;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setErrors(NO_ERRORS);
    setStatus(null);
    if (role === member.role) {
      setStatus(t('org.roleUnchanged', { name: member.user_name, role: describeRole(t, role) }));
      return;
    }
    setBusy(true);
    try {
      const changed = await api.changeMemberRole(organizationId, member.id, role);
      setChoice(null);
      setStatus(t('org.roleChanged', { name: changed.user_name, role: describeRole(t, changed.role) }));
      await onChanged(changed);
    } catch (err) {
      setErrors(
        formErrors(t, err, ['role'], {
          403: t('org.ownRole'),
          409: t('org.lastAdminRole', { name: member.user_name }),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="role-form" onSubmit={save} noValidate>
      <div className="role-form-row">
        <SelectField
          label={
            <>
              <span aria-hidden="true">{t('org.role')}</span>
              <span className="visually-hidden">{t('org.roleOf', { name: member.user_name })}</span>
            </>
          }
          name="member_role"
          value={role}
          onChange={(e) => setChoice(e.target.value)}
          errors={errors.byField.role}
        >
          {roleChoices(kind, member.role).map((r) => (
            <option key={r} value={r}>
              {describeRole(t, r)}
            </option>
          ))}
        </SelectField>
        {/* Not disabled while saving: a disabled button drops the keyboard focus to the page's start. */}
        <button type="submit" className="button button-secondary" aria-disabled={busy || undefined}>
          {t('org.changeRole')}
        </button>
      </div>
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <Status>{status}</Status>
    </form>
  );
}
