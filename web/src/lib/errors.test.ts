import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { formErrors, generalMessage, translateFieldMessage } from './errors';
import { TASK_FIELDS } from './tasks';

// A stand-in for i18next's t that shows which key and values were asked for.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key}${JSON.stringify(values)}` : key) as unknown as TFunction;

function problem(status: number, errors?: { field: string; message: string }[], type = 'urn:allmende:problem:x') {
  return new ApiError({ type, title: '', status, detail: '', request_id: 'req_9', ...(errors ? { errors } : {}) });
}

describe('formErrors', () => {
  it('puts field errors next to the fields the form has, translated where known', () => {
    const out = formErrors(t, problem(422, [{ field: 'email', message: 'is not an e-mail address' }]), ['email']);
    expect(out.byField).toEqual({ email: ['fieldMessages.email'] });
    expect(out.alert).toBe('errors.checkFields');
  });

  it('names a wrong current password next to the password field', () => {
    const out = formErrors(t, problem(422, [{ field: 'password', message: 'is not the password of this account' }]), [
      'password',
    ]);
    expect(out.byField).toEqual({ password: ['fieldMessages.notYourPassword'] });
  });

  it('shows a server message we have no words for as the server wrote it', () => {
    const out = formErrors(t, problem(422, [{ field: 'name', message: 'is odd' }]), ['name']);
    expect(out.byField.name).toEqual(['is odd']);
  });

  it('sends errors on fields the form lacks to the alert with the field name', () => {
    const out = formErrors(t, problem(422, [{ field: 'If-Match', message: 'is required' }]), ['name']);
    expect(out.byField).toEqual({});
    expect(out.alert).toBe('If-Match: fieldMessages.required');
  });

  it('uses the form’s own words for a status when it has them', () => {
    const words = { 409: 'org.lastAdminRole' };
    expect(formErrors(t, problem(409), ['role'], words).alert).toBe('org.lastAdminRole');
    expect(formErrors(t, problem(403), ['role'], words).alert).toBe('errors.forbidden');
    const invalid = formErrors(t, problem(422, [{ field: 'role', message: 'is odd' }]), ['role'], words);
    expect(invalid.alert).toBe('errors.checkFields');
  });

  it('says a problem without fields in words by status, with the request id for server errors', () => {
    expect(formErrors(t, problem(409), []).alert).toBe('errors.conflict');
    const five = formErrors(t, problem(500), []);
    expect(five.alert).toBe('errors.server');
    expect(five.requestId).toBe('req_9');
    expect(formErrors(t, new Error('boom'), []).alert).toBe('errors.generic');
  });
});

describe('generalMessage', () => {
  it('names the wait after throttling', () => {
    const e = new ApiError({ type: 't', title: '', status: 429, detail: '' }, 30);
    expect(generalMessage(t, e)).toBe('errors.throttled{"seconds":30}');
  });

  it('tells a network failure from a server failure', () => {
    expect(generalMessage(t, problem(0))).toBe('errors.network');
    expect(generalMessage(t, problem(503))).toBe('errors.unavailable');
    expect(generalMessage(t, problem(403, undefined, 'urn:allmende:problem:mfa-required'))).toBe('errors.mfaRequired');
  });

  it('translates known password rules', () => {
    expect(translateFieldMessage(t, 'must be at least 12 characters')).toBe('fieldMessages.passwordShort');
  });

  it('translates a message that ends in details by how it begins', () => {
    expect(
      translateFieldMessage(t, 'must be one of the roles of this organization: provider_admin, provider_worker'),
    ).toBe('fieldMessages.roleNotOffered');
    expect(translateFieldMessage(t, 'must be one of the colours')).toBe('must be one of the colours');
  });
});

describe('the directory’s field messages', () => {
  it('translates the service rules, numbers handed on', () => {
    expect(translateFieldMessage(t, 'Give the service a name in at least one language.')).toBe('fieldMessages.serviceName');
    expect(translateFieldMessage(t, 'Keep it under 120 characters.')).toBe('fieldMessages.tooLong{"max":"120"}');
  });

  it('maps the server’s paths to the form’s fields', () => {
    const out = formErrors(
      t,
      problem(422, [
        { field: 'languages[0]', message: 'must be one of: fi, sv, en, de, da' },
        { field: 'hours[1].closes', message: 'Closing comes after opening.' },
      ]),
      ['languages', 'hours.1'],
      {},
      (path) => (path.startsWith('hours[1]') ? 'hours.1' : path.replace(/\[\d+\]$/, '')),
    );
    expect(out.byField).toEqual({ languages: ['fieldMessages.language'], 'hours.1': ['fieldMessages.closesAfterOpens'] });
    expect(out.alert).toBe('errors.checkFields');
  });
});

describe('the needs assessment’s field messages', () => {
  it('puts the server’s words at the question, in the words the page uses itself', () => {
    const out = formErrors(
      t,
      problem(422, [
        { field: 'answers.loneliness', message: 'Answer this question.' },
        { field: 'answers.falls', message: 'A whole number between 0 and 20.' },
      ]),
      ['answers.loneliness', 'answers.falls'],
    );
    expect(out.byField).toEqual({
      'answers.loneliness': ['assessment.problems.required'],
      'answers.falls': ['assessment.problems.range{"min":"0","max":"20"}'],
    });
    expect(translateFieldMessage(t, "Choose one of the question's options.")).toBe('assessment.problems.option');
  });
});

describe('the follow-up tasks’ field messages', () => {
  it('puts the server’s words at the title and the day; one about the assignee goes to the alert', () => {
    const out = formErrors(
      t,
      problem(422, [
        { field: 'title', message: 'What to do, in 1 to 200 characters on one line.' },
        { field: 'due_date', message: 'The day is past: give today or a later day.' },
      ]),
      TASK_FIELDS,
    );
    expect(out.byField).toEqual({ title: ['fieldMessages.taskTitle'], due_date: ['fieldMessages.taskDuePast'] });
    expect(out.alert).toBe('errors.checkFields');
    const other = formErrors(t, problem(422, [{ field: 'assigned_to', message: "Give an advisor or coordinator of the client's region." }]), TASK_FIELDS);
    expect(other.byField).toEqual({});
    expect(other.alert).toBe('assigned_to: fieldMessages.taskAssignee');
  });
});
