import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryNames } from '../../lib/directoryData';
import { formatList } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

function fold(s: string): string {
  return s.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The area a service covers: whole municipalities, or districts of them. A filter field narrows
 * the long list; districts open under their municipality.
 */
export function AreaPicker({
  names,
  municipalities,
  districts,
  onChange,
  errors,
}: {
  names: DirectoryNames;
  municipalities: string[];
  districts: string[];
  onChange: (next: { municipalities: string[]; districts: string[] }) => void;
  errors?: string[] | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const id = useId();
  const [filter, setFilter] = useState('');
  const f = fold(filter.trim());
  const invalid = !!errors && errors.length > 0;
  const toggle = (list: string[], code: string) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]);
  const chosen = [
    ...municipalities.map((c) => names.placeName(c)),
    ...districts.map((c) => {
      const p = names.place(c);
      return p ? `${names.placeName(c)} (${names.placeName(p.municipality_code)})` : names.placeName(c);
    }),
  ];
  return (
    <fieldset className={`field area-picker${invalid ? ' field-invalid' : ''}`} aria-describedby={`${id}-chosen${invalid ? ` ${id}-error` : ''}`} data-testid="area-picker">
      <legend>{t('editor.area')}</legend>
      <p className="field-hint">{t('editor.areaHint')}</p>
      {invalid ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>{' '}
          {errors!.join(' ')}
        </p>
      ) : null}
      <p id={`${id}-chosen`} className="area-chosen" aria-live="polite">
        {chosen.length ? t('editor.areaChosen', { places: formatList(chosen, language) }) : t('editor.areaNone')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-filter`}>{t('editor.areaFilter')}</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      </div>
      <ul className="area-list">
        {names.municipalities.map((m) => {
          const own = names.places.filter((p) => p.kind === 'district' && p.municipality_code === m.code);
          const nameMatches = !f || fold(names.placeName(m.code)).includes(f);
          const shownDistricts = f && !nameMatches ? own.filter((d) => fold(names.placeName(d.code)).includes(f)) : own;
          if (!nameMatches && shownDistricts.length === 0) return null;
          const chosenHere = own.filter((d) => districts.includes(d.code)).length;
          return (
            <li key={m.code}>
              <label className="choice choice-compact">
                <input
                  type="checkbox"
                  checked={municipalities.includes(m.code)}
                  onChange={() => onChange({ municipalities: toggle(municipalities, m.code), districts })}
                  data-place={m.code}
                />
                <span>{t('editor.wholeMunicipality', { name: names.placeName(m.code) })}</span>
              </label>
              {own.length > 0 ? (
                <details open={(!!f && shownDistricts.length > 0 && !nameMatches) || chosenHere > 0 || undefined}>
                  <summary>
                    {t('editor.districtsOf', { name: names.placeName(m.code), count: own.length })}
                    {chosenHere > 0 ? ` – ${t('editor.districtsChosen', { count: chosenHere })}` : ''}
                  </summary>
                  <ul className="district-list">
                    {shownDistricts.map((d) => (
                      <li key={d.code}>
                        <label className="choice choice-compact">
                          <input
                            type="checkbox"
                            checked={districts.includes(d.code)}
                            onChange={() => onChange({ municipalities, districts: toggle(districts, d.code) })}
                            data-place={d.code}
                          />
                          <span>{names.placeName(d.code)}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
