// Needs assessments (issue 20, src/guidance/openapi.json): a region's forms of versioned questions
// and the assessments answered on them, for the advice desk and for clients and their delegates.
// Staff send their reason for looking as X-Access-Purpose, as on the rest of the desk.
import { operations as ops } from './endpoints';
import { call, purposeHeader } from './http';
import type { Assessment, AssessmentForm, NewAssessment } from './types';


/** The latest version of each form of the region. */
export async function listRegionForms(regionId: string): Promise<AssessmentForm[]> {
  return (await call<{ items: AssessmentForm[] }>(ops.listAssessmentForms, { params: { id: regionId } })).data.items;
}

/** One form in any version (`latest` false for an older one). */
export async function getForm(formId: string): Promise<AssessmentForm> {
  return (await call<AssessmentForm>(ops.getAssessmentForm, { params: { id: formId } })).data;
}

/** The client's assessments, newest first (at most 100). */
export async function listAssessments(clientId: string, purpose?: string): Promise<Assessment[]> {
  return (await call<{ items: Assessment[] }>(ops.listAssessments, { params: { id: clientId }, headers: purposeHeader(purpose) })).data.items;
}

/** Answers a form for the client: 422 with `answers.<question id>` (or `form_id`) field errors; 201 with the score. */
export async function addAssessment(clientId: string, body: NewAssessment, idempotencyKey: string, purpose?: string): Promise<Assessment> {
  return (
    await call<Assessment>(ops.addAssessment, {
      params: { id: clientId },
      body,
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}
