import { describe, expect, it } from 'vitest';
import type { ServiceContent } from '../api/types';
import { changedParts, contentToForm, editorFields, emptyForm, fieldOf, formToContent } from './serviceForm';

const content: ServiceContent = {
  name: { fi: 'Kotisiivous', sv: 'Hemstädning' },
  description: { fi: 'Siivoamme kodin.' },
  category: 'cleaning',
  area: { municipalities: ['fi-837'], districts: ['fi-837-hervanta'], postal_codes: ['33720'] },
  languages: ['fi', 'sv'],
  price: { model: 'hourly', amount: 3950, currency: 'EUR', minimum_charge: 7900, vat_rate_bp: 2550, labour_share_bp: 8000 },
  vouchers: ['org_welfare'],
  hours: [
    { weekday: 0, opens: '08:00', closes: '16:00' },
    { weekday: 1, opens: '08:00', closes: '16:00' },
  ],
  capacity_per_week: 40,
  lead_time_days: 3,
  image_ids: [],
};

describe('the service form', () => {
  it('turns content into form text and back without loss', () => {
    const form = contentToForm(content, 'fi');
    expect(form.amount).toBe('39,50');
    expect(form.minimumCharge).toBe('79');
    expect(form.vatRate).toBe('25,5');
    expect(form.labourShare).toBe('80');
    expect(form.postalCodes).toBe('33720');
    expect(form.name.sv).toBe('Hemstädning');
    expect(form.name.en).toBe('');
    const back = formToContent(form);
    expect(back.problems).toEqual({});
    expect(back.content).toEqual(content);
  });

  it('leaves out empty and blank texts and trims the rest', () => {
    const form = { ...emptyForm('fi'), amount: '30' };
    form.name = { ...form.name, fi: '  Ikkunanpesu ', sv: '   ' };
    const { content: c } = formToContent(form);
    expect(c.name).toEqual({ fi: 'Ikkunanpesu' });
    expect(c.description).toEqual({});
  });

  it('starts a new service with a Finnish VAT rate and weekday hours', () => {
    const form = emptyForm('sv');
    expect(form.vatRate).toBe('25,5');
    expect(form.languages).toEqual(['sv']);
    expect(form.hours.map((h) => h.weekday)).toEqual([0, 1, 2, 3, 4]);
    expect(formToContent({ ...form, amount: '30' }).content.price?.vat_rate_bp).toBe(2550);
  });

  it('finds what cannot be sent as typed', () => {
    const form = { ...emptyForm('en'), amount: '12,345', vatRate: '200', labourShare: 'most', capacityPerWeek: '1.5', postalCodes: '33720 337' };
    const { problems } = formToContent(form);
    expect(Object.keys(problems).sort()).toEqual([
      'area.postal_codes',
      'capacity_per_week',
      'price.amount',
      'price.labour_share_bp',
      'price.vat_rate_bp',
    ]);
    expect(problems['price.amount']?.key).toBe('editor.problems.money');
    expect(formToContent({ ...emptyForm('en') }).problems['price.amount']?.key).toBe('editor.problems.priceMissing');
  });
});

describe('server field paths', () => {
  it('belong to the form field that shows them', () => {
    expect(fieldOf('name.sv')).toBe('name.sv');
    expect(fieldOf('name')).toBe('name');
    expect(fieldOf('languages[1]')).toBe('languages');
    expect(fieldOf('vouchers[0]')).toBe('vouchers');
    expect(fieldOf('area.municipalities[2]')).toBe('area');
    expect(fieldOf('area.districts[0]')).toBe('area');
    expect(fieldOf('area.postal_codes[0]')).toBe('area.postal_codes');
    expect(fieldOf('hours[3].closes')).toBe('hours.3');
    expect(fieldOf('price.amount')).toBe('price.amount');
  });

  it('lists every field the form shows, one per row of hours', () => {
    const fields = editorFields(2);
    expect(fields).toContain('description.da');
    expect(fields).toContain('hours.1');
    expect(fields).not.toContain('hours.2');
  });
});

describe('changedParts', () => {
  it('names what a draft changes in the published version', () => {
    const draft: ServiceContent = {
      ...content,
      price: { ...content.price!, amount: 4200 },
      hours: [...content.hours!].reverse(),
      languages: ['sv', 'fi'],
    };
    expect(changedParts(content, draft)).toEqual(['price']);
    expect(changedParts(content, { ...content, description: { fi: 'Uusi kuvaus.' } })).toEqual(['description']);
  });

  it('names every filled part of a new service', () => {
    expect(changedParts(null, { name: { fi: 'A' }, category: 'cleaning', languages: [] })).toEqual(['name', 'category']);
  });
});
