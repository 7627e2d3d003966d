// Words for the machine strings of access-log entries.
import type { TFunction } from 'i18next';

/** Actions we have words for; any other is shown as the server wrote it. */
export const KNOWN_ACTIONS = [
  'client.read',
  'client.update',
  'client.access_log.read',
  'access_log.search',
  'delegation.grant',
  'delegation.revoke',
  'delegation.accept',
  'delegation.withdraw',
  'members.read',
  'members.manage',
  'members.remove',
  'invitation.create',
  'invitation.revoke',
  'token.create',
  'token.revoke',
  'organization.read',
  'organization.create',
  'region.create',
  'user.create',
  'order.read',
  'order.messages.read',
  'visit.read',
  'grant.manage',
  'agreement.manage',
  'voucher.approve',
  'funding.rates.manage',
  'client.list',
  'grant.read',
  'client.register',
  'client.search',
  'client.identity_code.reveal',
  'client.merge',
  'advice.contact.read',
  'advice.contact.write',
  'consent.read',
  'consent.withdraw',
  'assessment.read',
  'assessment.write',
  'assessment.form.write',
  'advice.task.write',
  'advice.task.read',
  'advice.task.board',
  'referral.write',
  'referral.read',
  'referral.queue',
  'referral.decide',
  'plan.read',
  'plan.write',
  'billing.run.create',
  'billing.run.collect',
  'billing.run.lock',
  'billing.run.discard',
  'billing.run.read',
  'billing.lines.read',
  'billing.export',
  'billing.statement.read',
  'rating.write',
  'quality.case.file',
  'quality.case.read',
  'quality.case.manage',
  'quality.provider',
] as const;

/** Purposes of the server's policy (src/access/policy.cpp) and of the domain's fixed list. */
export const KNOWN_PURPOSES = [
  'own_use',
  'on_behalf',
  'advice',
  'guidance',
  'purchasing',
  'service_delivery',
  'order_handling',
  'delivery',
  'billing',
  'complaint_handling',
  'audit',
  'administration',
  'directory',
  'integration',
  'quality',
] as const;

/** i18n key of an action ("client.read" → "actions.client_read"), or null for an unknown one. */
export function actionKey(action: string): string | null {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? `actions.${action.replace(/\./g, '_')}` : null;
}

export function describeAction(t: TFunction, action: string): string {
  const key = actionKey(action);
  return key ? t(key) : action;
}

export function describePurpose(t: TFunction, purpose: string | null | undefined): string {
  if (!purpose) return t('accessLog.noPurpose');
  return (KNOWN_PURPOSES as readonly string[]).includes(purpose) ? t(`purposes.${purpose}`) : purpose;
}

export function describeRole(t: TFunction, role: string | null | undefined): string {
  if (!role) return '';
  return t(`roles.${role}`, { defaultValue: role });
}
