import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as ordersApi from '../../api/orders';
import type { AdviceChannel, ClientRecord, ConsentWay, OrderConsent, OrderView, PublicService } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { ChoiceGroup, TextField, focusFirstInvalid } from '../../components/Field';
import { useDirectoryNames } from '../../lib/directoryData';
import { addressLine, CONSENT_WAYS, consentWayOf } from '../../lib/desk';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { placeOfAddress } from '../../lib/orderForm';
import { formatCivilDate, localDate } from '../../lib/schedule';
import { pickText } from '../../lib/serviceText';
import {
  checkShopOrder,
  earliestStart,
  isInternationalPhone,
  newShopOrder,
  orderPlace,
  placeFieldOf,
  SHOP_ORDER_FIELDS,
  shopFieldOf,
  shopOrderOf,
  type ShopOrderValues,
} from '../../lib/shopOrder';
import { useSession } from '../../session/SessionContext';
import { ScheduleFields } from '../orders/ScheduleFields';
import { FirstVisit, WhatFields, WhereFields } from '../shop/ShopOrderFields';
import { rememberedOf, type Remembered } from '../shop/ShopOrderPage';
import { PaymentFields, usePayableGrants } from '../shop/ShopPayment';

/** Whether two addresses are the same but for spacing, commas and case. */
function sameAddress(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s,]+/g, ' ').trim();
  return norm(a) === norm(b);
}

interface ConsentValues {
  givenHow: ConsentWay;
  givenBy: string;
  validUntil: string;
}

const CONSENT_FIELDS = ['consent.given_how', 'consent.given_by', 'consent.valid_until'];
const FIELDS = [...SHOP_ORDER_FIELDS, ...CONSENT_FIELDS];

/** The server's "consent" (none recorded) belongs to how it was given. */
function deskFieldOf(path: string): string {
  if (path === 'consent') return 'consent.given_how';
  return shopFieldOf(path);
}

/**
 * The shop's order form, filled in from the client's record, for an order the advisor places on
 * the client's behalf: when, what, where, who pays, and the client's consent (how, by whom, until
 * when), without which the server refuses the order.
 */
export function DeskOrderForm({
  service,
  record,
  channel,
  onPlaced,
  onCancel,
}: {
  service: PublicService;
  record: ClientRecord;
  channel: AdviceChannel;
  onPlaced: (order: OrderView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { language } = session;
  const names = useDirectoryNames();
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const serviceName = pickText(service.name, language).text || t('shop.unnamed');
  const provider = service.provider.name;
  const today = localDate(new Date(), session.timeZone);
  const earliest = earliestStart(today, service.lead_time_days);
  const clientPhone = record.phone && isInternationalPhone(record.phone) ? record.phone : '';
  const registryAddress = addressLine(record.address);

  const [values, setValues] = useState<ShopOrderValues>(() => ({
    ...newShopOrder(service, earliest, record.language),
    address: registryAddress,
    municipality: record.address?.municipality_code ?? '',
    phone: clientPhone,
  }));
  const [consent, setConsent] = useState<ConsentValues>({ givenHow: consentWayOf(channel), givenBy: record.name, validUntil: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const change = (c: Partial<ShopOrderValues>) => setValues((v) => ({ ...v, ...c }));
  const changeConsent = (c: Partial<ConsentValues>) => setConsent((v) => ({ ...v, ...c }));

  // As in the shop, the client's last order (of this category if there is one) fills in the address,
  // door code and phone not typed yet; the register's address stays one click away. Not the needs:
  // they are this call's, and the last order's ("windows before Christmas") would be sent unread.
  const [remembered, setRemembered] = useState<Partial<Remembered> | null>(null);
  useEffect(() => {
    let live = true;
    void rememberedOf(record.id, service.category ?? '').then((last) => {
      if (!live) return;
      setRemembered(last);
      setValues((v) => ({
        ...v,
        address: v.address === registryAddress && last.address ? last.address : v.address,
        doorCode: v.doorCode || (last.doorCode ?? ''),
        phone: v.phone === clientPhone && last.phone ? last.phone : v.phone,
      }));
    });
    return () => {
      live = false;
    };
  }, [record.id, service.category, registryAddress, clientPhone]);

  // The client's grants that can pay for this service; one of them is chosen by itself, as in the shop.
  const { grants, payFrom, setPayFrom } = usePayableGrants(record.id, service.category ?? '', today, service.vouchers ?? []);

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  const derived = names.ready ? placeOfAddress(values.address, names.places) : null;
  const place = orderPlace(values, derived);
  const placeName = [place.district, place.municipality].filter(Boolean).map((c) => names.placeName(c)).join(', ');
  const messageParams = { provider, place: placeName, date: formatCivilDate(earliest, language) };
  const mapField = (path: string) => placeFieldOf(deskFieldOf(path), derived);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const order = { ...values, ...place };
    const local: Record<string, string[]> = {};
    for (const [field, key] of Object.entries(checkShopOrder(order, { earliest, area: service.area, places: names.places }))) {
      (local[mapField(field)] ??= []).push(t(key, messageParams));
    }
    if (!consent.givenBy.trim()) (local['consent.given_by'] ??= []).push(t('fieldMessages.required'));
    if (consent.validUntil && consent.validUntil < today) (local['consent.valid_until'] ??= []).push(t('fieldMessages.consentUntil'));
    if (Object.keys(local).length > 0) {
      setErrors({ byField: local, alert: t('shopOrder.checkFields') });
      return;
    }
    const given: OrderConsent = { given_how: consent.givenHow, given_by: consent.givenBy.trim() };
    if (consent.validUntil) given.valid_until = consent.validUntil;
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const view = await ordersApi.createOrder(
        { ...shopOrderOf(order, service), client_id: record.id, ...(payFrom ? { grants: [payFrom] } : {}), consent: given },
        keys.key(),
      );
      keys.settle();
      onPlaced(view);
    } catch (err) {
      keys.settle(err);
      const shown = formErrors(t, err, FIELDS, {}, mapField);
      setErrors(shown.alert === t('errors.checkFields') ? { ...shown, alert: t('shopOrder.checkFields') } : shown);
      setBusy(false);
    }
  }

  const s = values.schedule;
  const byField = errors.byField;
  // Another address typed (or the last order's): the register's stays one click away.
  const registerAddress =
    registryAddress !== '' && !sameAddress(values.address, registryAddress) ? (
      <p className="small desk-register-address" data-testid="register-address">
        {remembered?.address && sameAddress(values.address, remembered.address)
          ? t('desk.order.addressFromLastOrder', { address: registryAddress })
          : t('desk.order.addressInRegister', { address: registryAddress })}{' '}
        <button type="button" className="button button-link" onClick={() => change({ address: registryAddress })}>
          {t('desk.order.useRegisterAddress')}
        </button>
      </p>
    ) : null;

  return (
    <form ref={formRef} className="form order-form shop-order-form desk-order-form" onSubmit={(e) => void submit(e)} noValidate data-testid="desk-order-form">
      <h3 tabIndex={-1} className="desk-order-title">
        {t('desk.order.formTitle', { service: serviceName, name: record.name })}
      </h3>
      <p className="muted">{t('desk.order.formIntro', { provider })}</p>

      <ScheduleFields schedule={s} onChange={(c) => change({ schedule: { ...s, ...c } })} errors={byField} minDate={earliest} headingLevel={3}>
        <FirstVisit schedule={s} earliest={earliest} provider={provider} />
      </ScheduleFields>

      <WhatFields service={service} values={values} onChange={change} errors={byField} deduction={!payFrom} headingLevel={3} />

      <WhereFields
        service={service}
        names={names}
        values={values}
        onChange={change}
        errors={byField}
        derived={derived}
        place={place}
        showPlace={values.address.trim() !== ''}
        addressNote={registerAddress}
        autoFill={false}
        headingLevel={3}
      />

      <PaymentFields
        grants={grants}
        value={payFrom}
        onChange={setPayFrom}
        errors={byField.pay_from}
        clientId={record.id}
        service={service}
        minutes={values.durationMinutes}
        date={s.startDate || earliest}
        forClient={false}
        headingLevel={3}
      />

      <fieldset className="plain-fieldset form-section desk-consent" data-testid="consent">
        <legend className="visually-hidden">{t('desk.consent.title')}</legend>
        <h3>{t('desk.consent.title')}</h3>
        <p>{t('desk.consent.explain', { name: record.name, provider })}</p>
        <ChoiceGroup legend={t('desk.consent.how', { name: record.name })} errors={byField['consent.given_how']}>
          <div className="desk-consent-ways">
            {CONSENT_WAYS.map((w) => (
              <label key={w} className="choice">
                <input type="radio" name="consent_how" value={w} checked={consent.givenHow === w} onChange={() => changeConsent({ givenHow: w })} />
                <span>{t(`desk.consentWays.${w}`)}</span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
        <div className="field-pair">
          <TextField
            label={t('desk.consent.by')}
            hint={t('desk.consent.byHint')}
            value={consent.givenBy}
            onChange={(e) => changeConsent({ givenBy: e.target.value })}
            errors={byField['consent.given_by']}
            autoComplete="off"
            maxLength={200}
            name="consent_by"
          />
          <TextField
            type="date"
            label={t('desk.consent.until')}
            hint={t('desk.consent.untilHint')}
            value={consent.validUntil}
            min={today}
            onChange={(e) => changeConsent({ validUntil: e.target.value })}
            errors={byField['consent.valid_until']}
            name="consent_until"
          />
        </div>
      </fieldset>

      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <div className="actions">
        <button type="submit" className="button button-primary button-large" aria-disabled={busy || undefined} data-testid="desk-place-order">
          {busy ? t('shopOrder.sending') : t('desk.order.submit', { name: record.name })}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
