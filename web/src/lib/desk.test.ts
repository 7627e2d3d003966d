import { describe, expect, it } from 'vitest';
import {
  accessPurpose,
  addressLine,
  callMinutes,
  checkRegistration,
  clientQueryOf,
  consentWayOf,
  formatBirthDate,
  formatElapsed,
  lookAlikeProbe,
  newClientOf,
  nextResultIndex,
  NO_FIND,
  type RegisterValues,
} from './desk';

const person: RegisterValues = {
  name: ' Aino Virtanen ',
  birthDate: '1942-03-14',
  identityCode: '',
  phone: '',
  email: '',
  language: 'fi',
  street: 'Välikatu 4 C 12',
  postalCode: '37100',
  city: 'Nokia',
  municipality: 'fi-536',
};

describe('accessPurpose', () => {
  it('says why in the advisor’s language with the English words after it', () => {
    expect(accessPurpose('Neuvontapuhelu', 'Advice call', 'fi')).toBe('Neuvontapuhelu / advice call');
    expect(accessPurpose('Advice call', 'Advice call', 'en')).toBe('Advice call');
  });

  it('never sends more than the 200 characters the server takes', () => {
    expect(accessPurpose('x'.repeat(190), 'Advice call', 'de')).toHaveLength(200);
  });
});

describe('clientQueryOf', () => {
  it('sends only what was typed, the identity code in capitals', () => {
    expect(clientQueryOf({ name: ' Aino Virtanan ', birthDate: '1942-03-14', phone: '', identityCode: '' })).toEqual({
      limit: 20,
      q: 'Aino Virtanan',
      birth_date: '1942-03-14',
    });
    expect(clientQueryOf({ ...NO_FIND, identityCode: '140342-386r' })).toEqual({ limit: 20, identity_code: '140342-386R' });
  });

  it('has nothing to ask when every field is empty', () => {
    expect(clientQueryOf({ name: '  ', birthDate: '', phone: '', identityCode: '' })).toBeNull();
  });
});

describe('formatBirthDate', () => {
  it('writes the birth date with numbers as the reader does', () => {
    expect(formatBirthDate('1942-03-14', 'fi')).toBe('14.3.1942');
    expect(formatBirthDate('1942-03-14', 'en')).toBe('14/03/1942');
    expect(formatBirthDate(null, 'fi')).toBe('');
  });
});

describe('addressLine', () => {
  it('joins street, postal code and post office', () => {
    expect(addressLine({ street: 'Insinöörinkatu 23 B 14', postal_code: '33720', city: 'Tampere', municipality_code: 'fi-837' })).toBe(
      'Insinöörinkatu 23 B 14, 33720 Tampere',
    );
    expect(addressLine({ street: null, postal_code: null, city: null })).toBe('');
    expect(addressLine(undefined)).toBe('');
  });
});

describe('the call timer', () => {
  it('counts started minutes, at least one and at most the 600 the server takes', () => {
    expect(callMinutes(0)).toBe(1);
    expect(callMinutes(61_000)).toBe(2);
    expect(callMinutes(11 * 3_600_000)).toBe(600);
  });

  it('shows the running time as a clock', () => {
    expect(formatElapsed(245_000)).toBe('4:05');
    expect(formatElapsed(3_729_000)).toBe('1:02:09');
  });
});

describe('nextResultIndex', () => {
  it('steps through the results and leaves the list upwards from the first', () => {
    expect(nextResultIndex(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextResultIndex(2, 3, 'ArrowDown')).toBe(2);
    expect(nextResultIndex(1, 3, 'ArrowUp')).toBe(0);
    expect(nextResultIndex(0, 3, 'ArrowUp')).toBe(-1);
    expect(nextResultIndex(1, 3, 'End')).toBe(2);
    expect(nextResultIndex(1, 3, 'Enter')).toBeNull();
    expect(nextResultIndex(-1, 0, 'ArrowDown')).toBeNull();
  });
});

describe('registering', () => {
  it('sends the person without the empty optional fields', () => {
    expect(newClientOf(person)).toEqual({
      name: 'Aino Virtanen',
      language: 'fi',
      birth_date: '1942-03-14',
      address: { street: 'Välikatu 4 C 12', postal_code: '37100', city: 'Nokia', municipality_code: 'fi-536' },
    });
    expect(newClientOf({ ...person, street: '', postalCode: '', city: '', municipality: '' }).address).toBeUndefined();
  });

  it('asks for a name and a birth date or an identity code before sending', () => {
    expect(checkRegistration({ ...person, name: ' ', birthDate: '' })).toEqual({
      name: 'fieldMessages.required',
      birth_date: 'desk.register.birthDateOrCode',
    });
    expect(checkRegistration({ ...person, birthDate: '', identityCode: '140342-386R' })).toEqual({});
  });

  it('looks for look-alikes once a full name comes with a birth date or a phone', () => {
    expect(lookAlikeProbe({ ...person, name: 'Aino' })).toBeNull();
    expect(lookAlikeProbe({ ...person, birthDate: '' })).toBeNull();
    expect(lookAlikeProbe(person)).toEqual({ name: 'Aino Virtanen', birth_date: '1942-03-14' });
    expect(lookAlikeProbe({ ...person, birthDate: '', phone: '040 123 4567' })).toEqual({ name: 'Aino Virtanen', phone: '040 123 4567' });
  });
});

describe('consentWayOf', () => {
  it('takes the way of consent from how the client is in touch', () => {
    expect(consentWayOf('phone')).toBe('phone');
    expect(consentWayOf('service_point')).toBe('in_person');
    expect(consentWayOf('chat')).toBe('digital');
  });
});
