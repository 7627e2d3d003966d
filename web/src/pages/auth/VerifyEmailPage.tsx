import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import { Notice, Status } from '../../components/Alert';
import { Loading, Page } from '../../components/Page';
import { generalMessage } from '../../lib/errors';
import { useLinkToken } from '../../lib/linkToken';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const [message, setMessage] = useState('');
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    api
      .verifyEmail(token)
      .then(() => setState('done'))
      .catch((err: unknown) => {
        setState('failed');
        if (err instanceof ApiError && err.status === 404) setMessage(t('links.invalid'));
        else if (err instanceof ApiError && err.status === 409) setMessage(t('links.used'));
        else setMessage(generalMessage(t, err));
      });
  }, [token, t]);

  return (
    <Page title={t('verify.title')}>
      {!token ? (
        <Notice tone="warning">{t('links.missingToken')}</Notice>
      ) : state === 'working' ? (
        <Loading />
      ) : state === 'done' ? (
        <Status>{t('verify.done')}</Status>
      ) : (
        <div className="alert alert-error" role="alert">
          <p>{message}</p>
        </div>
      )}
      <p>
        <Link to="/">{t('errors.goHome')}</Link>
      </p>
    </Page>
  );
}
