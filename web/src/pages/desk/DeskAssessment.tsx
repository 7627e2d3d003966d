import '../assessment/assessment.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../api/types';
import type { SuggestionAction } from '../assessment/AssessmentBits';
import { Assessments } from '../assessment/Assessments';

/**
 * The call screen's needs assessment: Mikko goes through the region's form with the caller, saves
 * it, and a suggested type of service goes into "Search and order" with one press.
 */
export function DeskAssessment({
  record,
  purpose,
  onSearchCategory,
}: {
  record: ClientRecord;
  purpose: string;
  onSearchCategory: (category: string) => void;
}) {
  const { t } = useTranslation();
  const action = useMemo<SuggestionAction>(() => ({ kind: 'search', onChoose: onSearchCategory }), [onSearchCategory]);
  return (
    <section className="desk-panel desk-assessment" id="desk-assessment" aria-labelledby="assessment-heading" tabIndex={-1} data-testid="desk-assessment">
      <h2 id="assessment-heading">{t('assessment.deskTitle')}</h2>
      <p className="muted">{t('assessment.deskIntro', { name: record.name })}</p>
      <Assessments
        clientId={record.id}
        clientName={record.name}
        regionId={record.region_id}
        purpose={purpose}
        ownPage={false}
        action={action}
        heading="h3"
      />
    </section>
  );
}
