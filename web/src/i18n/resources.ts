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
import { mergeTexts } from './merge';

// Orders, funding and the shop's ordering add their own groups and a few keys to shared ones (nav,
// home.cards, actions, fieldMessages, service); see merge.ts.
export const resources = {
  fi: { translation: mergeTexts(fi, ordersFi, fundingFi, shopOrderFi) },
  sv: { translation: mergeTexts(sv, ordersSv, fundingSv, shopOrderSv) },
  en: { translation: mergeTexts(en, ordersEn, fundingEn, shopOrderEn) },
  de: { translation: mergeTexts(de, ordersDe, fundingDe, shopOrderDe) },
  da: { translation: mergeTexts(da, ordersDa, fundingDa, shopOrderDa) },
} as const;
