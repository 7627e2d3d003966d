import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A page's h1 and the document title. The h1 takes focus after navigation (see Layout). */
export function Page({
  title,
  intro,
  children,
  wide = false,
  titleLang,
}: {
  title: string;
  /** The title's language when it is not the page's (a service named only in Finnish). */
  titleLang?: string | undefined;
  intro?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('common.appName')}`;
  }, [title, t]);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 tabIndex={-1} className="page-title" lang={titleLang}>
        {title}
      </h1>
      {intro ? <p className="lead">{intro}</p> : null}
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {t('common.loading')}
    </p>
  );
}
