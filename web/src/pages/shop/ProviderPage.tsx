import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import * as quality from '../../api/quality';
import { ApiError } from '../../api/problem';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { langAttr, listLanguages, pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ScoreView } from '../quality/QualityBits';
import { CompareBar, ServiceCard } from './ServiceBits';
import { areaText } from './ServiceView';

/** A provider's public profile with its published services. */
export function ProviderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { language } = useSession();
  const names = useDirectoryNames();
  const provider = useAsync(() => directory.getProvider(id), [id]);
  // The score is the provider's own answer: a provider without one (or a failure) leaves it out.
  const score = useAsync(() => quality.getProviderQuality(id), [id]);

  if (provider.error instanceof ApiError && provider.error.status === 404) return <NotFoundPage />;
  if (provider.error) {
    return (
      <Page title={t('provider.title')}>
        <LoadError error={provider.error} onRetry={() => void provider.reload()} />
      </Page>
    );
  }
  if (!provider.data) return <Loading />;
  const p = provider.data;
  const description = pickText(p.description, language);
  const accessibility = pickText(p.accessibility, language);
  const area = areaText({ area: p.area ?? {} }, names, language);
  return (
    <Page title={p.name} wide>
      {description.text ? (
        <div className="lead" lang={langAttr(description, language)}>
          {description.text.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
      ) : null}
      <section className="card" aria-labelledby="provider-facts">
        <h2 id="provider-facts">{t('provider.facts')}</h2>
        <dl className="facts">
          {p.languages && p.languages.length > 0 ? (
            <div>
              <dt>{t('shop.languages')}</dt>
              <dd>{listLanguages(p.languages, language)}</dd>
            </div>
          ) : null}
          {area ? (
            <div>
              <dt>{t('service.area')}</dt>
              <dd>{area}</dd>
            </div>
          ) : null}
          {p.phone ? (
            <div>
              <dt>{t('provider.phone')}</dt>
              <dd>
                <a href={`tel:${p.phone.replace(/\s+/g, '')}`}>{p.phone}</a>
              </dd>
            </div>
          ) : null}
          {p.email ? (
            <div>
              <dt>{t('provider.email')}</dt>
              <dd>
                <a href={`mailto:${p.email}`}>{p.email}</a>
              </dd>
            </div>
          ) : null}
          {p.website && p.website.startsWith('https://') ? (
            <div>
              <dt>{t('provider.website')}</dt>
              <dd>
                <a href={p.website} rel="noopener noreferrer">
                  {p.website.replace(/^https:\/\//, '')}
                </a>
              </dd>
            </div>
          ) : null}
          {p.quality_labels && p.quality_labels.length > 0 ? (
            <div>
              <dt>{t('provider.qualityLabels')}</dt>
              <dd>
                <ul className="chips">
                  {p.quality_labels.map((q) => (
                    <li key={q} className="chip">
                      {q}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          {p.insurance ? (
            <div>
              <dt>{t('provider.insurance')}</dt>
              <dd>{p.insurance}</dd>
            </div>
          ) : null}
          {accessibility.text ? (
            <div>
              <dt>{t('provider.accessibility')}</dt>
              <dd lang={langAttr(accessibility, language)}>{accessibility.text}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {score.data ? <ScoreView score={score.data} /> : null}
      <section className="section" aria-labelledby="provider-services">
        <h2 id="provider-services">{t('provider.services', { count: p.services.length })}</h2>
        {p.services.length === 0 ? (
          <p className="empty">{t('provider.noServices')}</p>
        ) : (
          <ul className="service-list" data-testid="provider-services">
            {p.services.map((s) => (
              <ServiceCard key={s.id} service={s} />
            ))}
          </ul>
        )}
      </section>
      <CompareBar />
    </Page>
  );
}
