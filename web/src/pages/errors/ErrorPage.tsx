import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { Page } from '../../components/Page';

/** The page for an error nobody planned for: what happened, what to do, the request id. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError ? error.problem.request_id : undefined;
  return (
    <Page title={t('errors.errorTitle')} intro={t('errors.errorText')}>
      {requestId ? <p className="muted">{t('errors.requestId', { id: requestId })}</p> : null}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('common.tryAgain')}
        </button>
        <a className="button button-secondary" href="/">
          {t('errors.goHome')}
        </a>
      </div>
    </Page>
  );
}

interface State {
  error: unknown;
}

/** Catches a render error anywhere below it and shows ErrorPage instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('render error', error, info.componentStack);
  }

  componentDidUpdate(prev: { resetKey?: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render(): ReactNode {
    if (this.state.error) return <ErrorPage error={this.state.error} />;
    return this.props.children;
  }
}
