import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../api/types';
import { addMonths, grantsInForce, groupPlan, itemName, onPlanAlready, withPlanItem } from './plan';

function item(over: Partial<PlanItem>): PlanItem {
  return {
    id: 'pli_1',
    client_id: 'usr_aino',
    kind: 'activity',
    grant_id: null,
    service_id: null,
    category: 'social_activities',
    title: 'Hervannan seniorikerho',
    name: {},
    organization_name: '',
    grant_kind: null,
    grant_valid_until: null,
    details: '',
    goal: 'Tapaa ihmisiä',
    follow_up_date: '2027-01-15',
    follow_up_due: false,
    state: 'active',
    created_by_name: 'Mikko Neuvoja',
    created_at: '2026-11-01T10:00:00Z',
    updated_by_name: 'Mikko Neuvoja',
    updated_at: '2026-11-01T10:00:00Z',
    ended_at: null,
    version: 1,
    ...over,
  };
}

describe('addMonths', () => {
  it('adds whole months and keeps the day', () => {
    expect(addMonths('2026-11-28', 1)).toBe('2026-12-28');
    expect(addMonths('2026-11-28', 3)).toBe('2027-02-28');
    expect(addMonths('2026-11-28', 6)).toBe('2027-05-28');
  });
  it('takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });
  it('refuses a malformed date', () => {
    expect(addMonths('28.11.2026', 1)).toBeUndefined();
  });
});

describe('grantsInForce', () => {
  const g = (id: string, over: Record<string, unknown>) => ({ id, state: 'active' as const, valid_from: '2026-01-01', valid_until: null as string | null, ...over });
  it('keeps the active ones valid today, the newest first', () => {
    const list = [
      g('a', {}),
      g('b', { valid_from: '2026-06-01' }),
      g('ended', { state: 'ended' }),
      g('future', { valid_from: '2027-01-01' }),
      g('lapsed', { valid_until: '2026-11-27' }),
      g('lastDay', { valid_until: '2026-11-28' }),
    ];
    expect(grantsInForce(list as never[], '2026-11-28').map((x: { id: string }) => x.id)).toEqual(['b', 'lastDay', 'a']);
  });
});

describe('the plan in order', () => {
  const late = item({ id: 'late', follow_up_date: '2027-03-01' });
  const early = item({ id: 'early', follow_up_date: '2026-12-01' });
  const ended = item({ id: 'ended', state: 'ended', ended_at: '2026-11-20T10:00:00Z' });
  it('puts active items by follow-up day before the ended ones', () => {
    expect(withPlanItem([late, ended], early).map((i) => i.id)).toEqual(['early', 'late', 'ended']);
  });
  it('replaces an item changed in place', () => {
    const endedNow = { ...early, state: 'ended' as const, ended_at: '2026-11-28T10:00:00Z', version: 2 };
    expect(withPlanItem([early, late, ended], endedNow).map((i) => i.id)).toEqual(['late', 'early', 'ended']);
  });
  it('groups the active ones by kind: publicly funded, self-paid, activities', () => {
    const grant = item({ id: 'g', kind: 'grant', grant_id: 'grt_1' });
    const service = item({ id: 's', kind: 'service', service_id: 'svc_1' });
    const groups = groupPlan([early, service, grant, ended]);
    expect(groups.active.map((x) => [x.kind, x.items.map((i) => i.id)])).toEqual([
      ['grant', ['g']],
      ['service', ['s']],
      ['activity', ['early']],
    ]);
    expect(groups.ended.map((i) => i.id)).toEqual(['ended']);
    expect(onPlanAlready([grant, service], 'grant', 'grt_1')).toBe(true);
    expect(onPlanAlready([grant, service], 'service', 'svc_2')).toBe(false);
    expect(onPlanAlready([{ ...grant, state: 'ended' }], 'grant', 'grt_1')).toBe(false);
  });
});

describe('itemName', () => {
  const cat = (code: string) => (code === 'cleaning' ? 'Siivous' : code);
  it('names an activity by its title, a service by its name in the reader’s language, a grant by its type of service', () => {
    expect(itemName(item({}), 'fi', cat)).toBe('Hervannan seniorikerho');
    expect(itemName(item({ kind: 'service', title: '', name: { fi: 'Ystäväpalvelu', en: 'Friendship visits' } }), 'en', cat)).toBe('Friendship visits');
    expect(itemName(item({ kind: 'service', title: '', name: { fi: 'Ystäväpalvelu' } }), 'sv', cat)).toBe('Ystäväpalvelu');
    expect(itemName(item({ kind: 'grant', title: '', category: 'cleaning' }), 'fi', cat)).toBe('Siivous');
  });
});
