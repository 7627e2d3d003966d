import './assessment.css';
import { useTranslation } from 'react-i18next';
import * as desk from '../../api/desk';
import { ApiError } from '../../api/problem';
import { Notice } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useAsync } from '../../lib/useAsync';
import { useWhoseClient, WhoseSelect } from '../orders/WhoseClient';
import { ClientReferrals } from '../referrals/ClientReferrals';
import { Assessments } from './Assessments';

const SHOP: { kind: 'shop' } = { kind: 'shop' };

/**
 * /assessment: a client answers their region's needs-assessment form themselves (or a delegate
 * does it for the client they act for) and sees their assessments, also those made with the advice
 * desk. The region is the client record's.
 */
export function AssessmentPage() {
  const { t } = useTranslation();
  const chosen = useWhoseClient();
  const { clientId, whose, self } = chosen;
  const record = useAsync(() => desk.getClientRecord(clientId, ''), [clientId]);
  const r = record.data;
  // A person who is no client of any region (a relative who only acts for one) has no form of their own.
  const noRecord = record.error instanceof ApiError && record.error.status === 404;
  return (
    <Page
      title={whose ? t('assessment.page.titleFor', { name: whose }) : t('assessment.page.title')}
      intro={whose ? t('assessment.page.introFor', { name: whose }) : t('assessment.page.intro')}
    >
      <WhoseSelect label={t('assessment.page.whose')} chosen={chosen} testId="whose-assessment" />
      {noRecord ? (
        <Notice>
          <p data-testid="assessment-no-record">
            {chosen.clients.length > 0 && whose === null ? t('assessment.page.noRecordActing') : t('assessment.page.noRecord')}
          </p>
        </Notice>
      ) : null}
      {record.error && !noRecord ? <LoadError error={record.error} onRetry={() => void record.reload()} /> : null}
      {record.loading && !r ? <Loading /> : null}
      {r && r.id === clientId ? (
        <div className="assessment-page">
          <Assessments key={clientId} clientId={clientId} clientName={r.name} regionId={r.region_id} ownPage={whose === null} action={SHOP} heading="h2" />
          <ClientReferrals key={`referrals-${clientId}`} clientId={clientId} whose={whose} ownId={self} />
        </div>
      ) : null}
    </Page>
  );
}
