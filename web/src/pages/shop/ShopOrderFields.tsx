// The sections of the shop's order form that the advice desk's order form shares: the first visit
// under "When", "What" and "Where".
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicService } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import type { DirectoryNames } from '../../lib/directoryData';
import { formatCivilDate, scheduleOf, timeWindow, type ScheduleChoice } from '../../lib/schedule';
import { languageName } from '../../lib/serviceText';
import { firstVisitDate, type OrderPlace, type ShopOrderValues } from '../../lib/shopOrder';
import { useSession } from '../../session/SessionContext';
import { DoorCodeAndPhoneFields, DurationField, NeedsField } from '../orders/VisitFields';
import { PlaceFields, VisitEstimate } from './ShopOrderParts';

/** The end of "When": the first visit in words and the first day the provider takes. */
export function FirstVisit({ schedule: s, earliest, provider }: { schedule: ScheduleChoice; earliest: string; provider: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const first = s.startDate ? firstVisitDate(scheduleOf(s)) : '';
  return (
    <div className="first-visit">
      {first ? (
        <p data-testid="first-visit">
          {t('shopOrder.firstVisit', {
            date: formatCivilDate(first, language),
            window: timeWindow({ window_start: s.windowStart, window_end: s.windowEnd }, language),
          })}
        </p>
      ) : null}
      <p className="small">{t('shopOrder.earliest', { provider, date: formatCivilDate(earliest, language) })}</p>
    </div>
  );
}

/** "What": the visit's length with one visit's price when the service has one, and what the provider should know. */
export function WhatFields({
  service,
  values,
  onChange,
  errors,
  deduction,
  headingLevel = 2,
}: {
  service: PublicService;
  values: Pick<ShopOrderValues, 'durationMinutes' | 'needs'>;
  onChange: (change: Partial<ShopOrderValues>) => void;
  errors: Record<string, string[]>;
  /** false when a grant pays: the household deduction does not apply to what it pays */
  deduction: boolean;
  /** the level of the heading in its page (3 inside a panel with its own heading) */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <fieldset className="plain-fieldset form-section">
      <legend className="visually-hidden">{t('orderForm.what')}</legend>
      <Heading>{t('orderForm.what')}</Heading>
      <DurationField
        value={values.durationMinutes}
        onChange={(durationMinutes) => onChange({ durationMinutes })}
        errors={errors.duration_minutes}
        hint={service.price ? t('shopOrder.durationHint') : undefined}
      />
      {service.price ? <VisitEstimate price={service.price} minutes={values.durationMinutes} area={service.area} deduction={deduction} /> : null}
      <NeedsField value={values.needs} onChange={(needs) => onChange({ needs })} errors={errors.needs} />
    </fieldset>
  );
}

/**
 * "Where": the address (its postal code names the place, else the person chooses among the
 * service's), the door code and phone, and which of the service's languages it is given in.
 */
export function WhereFields({
  service,
  names,
  values,
  onChange,
  errors,
  derived,
  place,
  showPlace,
  onAddressBlur,
  addressNote,
  autoFill = true,
  headingLevel = 2,
}: {
  service: PublicService;
  names: DirectoryNames;
  values: ShopOrderValues;
  onChange: (change: Partial<ShopOrderValues>) => void;
  errors: Record<string, string[]>;
  /** the place the address's postal code names, or null */
  derived: OrderPlace | null;
  /** the place the order goes to */
  place: OrderPlace;
  /** false until there is an address to say a place for */
  showPlace: boolean;
  onAddressBlur?: () => void;
  /** said under the address (the desk: the register's address, one click away) */
  addressNote?: ReactNode;
  /** false where one types another person's details (the advice desk): the browser's own address and phone would be wrong */
  autoFill?: boolean;
  /** the level of the heading in its page (3 inside a panel with its own heading) */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const serviceLanguages = service.languages && service.languages.length > 0 ? service.languages : [values.language];
  return (
    <fieldset className="plain-fieldset form-section">
      <legend className="visually-hidden">{t('orderForm.where')}</legend>
      <Heading>{t('orderForm.where')}</Heading>
      <TextField
        label={t('orderForm.address')}
        hint={t('orderForm.addressHint')}
        value={values.address}
        onChange={(e) => onChange({ address: e.target.value })}
        onBlur={onAddressBlur}
        errors={errors.address}
        autoComplete={autoFill ? 'street-address' : 'off'}
        maxLength={200}
        name="address"
      />
      {addressNote}
      <PlaceFields
        service={service}
        names={names}
        derived={derived}
        municipality={place.municipality}
        district={place.district}
        onChange={onChange}
        errors={errors}
        show={showPlace}
      />
      <DoorCodeAndPhoneFields values={values} onChange={onChange} errors={errors} autoFill={autoFill} />
      <SelectField
        label={t('orderForm.language')}
        hint={t('shopOrder.languageHint', { provider: service.provider.name })}
        value={values.language}
        onChange={(e) => onChange({ language: e.target.value })}
        errors={errors.language}
        name="language"
      >
        {serviceLanguages.map((l) => (
          <option key={l} value={l}>
            {languageName(l, language)}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
