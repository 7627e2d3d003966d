import da from './locales/da';
import de from './locales/de';
import en from './locales/en';
import fi from './locales/fi';
import sv from './locales/sv';
import fundingDa from './locales/funding/da';
import fundingDe from './locales/funding/de';
import fundingEn from './locales/funding/en';
import fundingFi from './locales/funding/fi';
import fundingSv from './locales/funding/sv';
import ordersDa from './locales/orders/da';
import ordersDe from './locales/orders/de';
import ordersEn from './locales/orders/en';
import ordersFi from './locales/orders/fi';
import ordersSv from './locales/orders/sv';
import shopOrderDa from './locales/shopOrder/da';
import shopOrderDe from './locales/shopOrder/de';
import shopOrderEn from './locales/shopOrder/en';
import shopOrderFi from './locales/shopOrder/fi';
import shopOrderSv from './locales/shopOrder/sv';
import notificationsDa from './locales/notifications/da';
import notificationsDe from './locales/notifications/de';
import notificationsEn from './locales/notifications/en';
import notificationsFi from './locales/notifications/fi';
import notificationsSv from './locales/notifications/sv';
import webhooksDa from './locales/webhooks/da';
import webhooksDe from './locales/webhooks/de';
import webhooksEn from './locales/webhooks/en';
import webhooksFi from './locales/webhooks/fi';
import webhooksSv from './locales/webhooks/sv';
import deskDa from './locales/desk/da';
import deskDe from './locales/desk/de';
import deskEn from './locales/desk/en';
import deskFi from './locales/desk/fi';
import deskSv from './locales/desk/sv';
import assessmentDa from './locales/assessment/da';
import assessmentDe from './locales/assessment/de';
import assessmentEn from './locales/assessment/en';
import assessmentFi from './locales/assessment/fi';
import assessmentSv from './locales/assessment/sv';
import tasksDa from './locales/tasks/da';
import tasksDe from './locales/tasks/de';
import tasksEn from './locales/tasks/en';
import tasksFi from './locales/tasks/fi';
import tasksSv from './locales/tasks/sv';
import referralsDa from './locales/referrals/da';
import referralsDe from './locales/referrals/de';
import referralsEn from './locales/referrals/en';
import referralsFi from './locales/referrals/fi';
import referralsSv from './locales/referrals/sv';
import planDa from './locales/plan/da';
import planDe from './locales/plan/de';
import planEn from './locales/plan/en';
import planFi from './locales/plan/fi';
import planSv from './locales/plan/sv';
import clientMergeDa from './locales/clientMerge/da';
import clientMergeDe from './locales/clientMerge/de';
import clientMergeEn from './locales/clientMerge/en';
import clientMergeFi from './locales/clientMerge/fi';
import clientMergeSv from './locales/clientMerge/sv';
import billingDa from './locales/billing/da';
import billingDe from './locales/billing/de';
import billingEn from './locales/billing/en';
import billingFi from './locales/billing/fi';
import billingSv from './locales/billing/sv';
import qualityDa from './locales/quality/da';
import qualityDe from './locales/quality/de';
import qualityEn from './locales/quality/en';
import qualityFi from './locales/quality/fi';
import qualitySv from './locales/quality/sv';
import statementDa from './locales/statement/da';
import statementDe from './locales/statement/de';
import statementEn from './locales/statement/en';
import statementFi from './locales/statement/fi';
import statementSv from './locales/statement/sv';
import paymentsDa from './locales/payments/da';
import paymentsDe from './locales/payments/de';
import paymentsEn from './locales/payments/en';
import paymentsFi from './locales/payments/fi';
import paymentsSv from './locales/payments/sv';
import { mergeTexts } from './merge';

// Orders, funding, the shop's ordering, notifications, webhooks, the advice desk, the needs
// assessment, the desk's follow-up tasks, the referrals to the purchaser, the service plan, the merge of two client records, billing (the purchaser's runs, the provider's statements, the client's own payments) and feedback and complaints (quality) add their own groups and a few keys to shared ones (nav, home.cards, actions,
// fieldMessages, service, org, desk.order); see merge.ts.
export const resources = {
  fi: { translation: mergeTexts(fi, ordersFi, fundingFi, shopOrderFi, notificationsFi, webhooksFi, deskFi, assessmentFi, tasksFi, referralsFi, planFi, clientMergeFi, billingFi, statementFi, paymentsFi, qualityFi) },
  sv: { translation: mergeTexts(sv, ordersSv, fundingSv, shopOrderSv, notificationsSv, webhooksSv, deskSv, assessmentSv, tasksSv, referralsSv, planSv, clientMergeSv, billingSv, statementSv, paymentsSv, qualitySv) },
  en: { translation: mergeTexts(en, ordersEn, fundingEn, shopOrderEn, notificationsEn, webhooksEn, deskEn, assessmentEn, tasksEn, referralsEn, planEn, clientMergeEn, billingEn, statementEn, paymentsEn, qualityEn) },
  de: { translation: mergeTexts(de, ordersDe, fundingDe, shopOrderDe, notificationsDe, webhooksDe, deskDe, assessmentDe, tasksDe, referralsDe, planDe, clientMergeDe, billingDe, statementDe, paymentsDe, qualityDe) },
  da: { translation: mergeTexts(da, ordersDa, fundingDa, shopOrderDa, notificationsDa, webhooksDa, deskDa, assessmentDa, tasksDa, referralsDa, planDa, clientMergeDa, billingDa, statementDa, paymentsDa, qualityDa) },
} as const;
