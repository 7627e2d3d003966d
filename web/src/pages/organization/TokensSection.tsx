import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/client';
import type { NewApiToken, TokenScope } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { DateTime } from '../../components/DateTime';
import { ChoiceGroup, TextField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { formErrors, generalMessage, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useAsync } from '../../lib/useAsync';

export const TOKEN_SCOPES: TokenScope[] = ['organization.read', 'members.read', 'clients.read'];

/** API tokens for the organization's integrations: the secret is shown once, at creation. */
export function TokensSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const tokens = useAsync(() => api.listTokens(organizationId), [organizationId]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['organization.read']);
  const [days, setDays] = useState('90');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [copied, setCopied] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    setCreated(null);
    setCopied(false);
    try {
      const n = Number(days);
      const token = await api.createToken(organizationId, {
        name: name.trim(),
        scopes,
        expires_in_days: Number.isFinite(n) ? n : 90,
      });
      setCreated(token);
      setName('');
      await tokens.reload();
    } catch (err) {
      setErrors(formErrors(t, err, ['name', 'scopes', 'expires_in_days']));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setAlert(null);
    try {
      await api.revokeToken(organizationId, id);
      await tokens.reload();
    } catch (err) {
      setAlert(generalMessage(t, err));
    }
  };

  const live = tokens.data?.filter((x) => !x.revoked_at) ?? [];

  return (
    <section className="section" aria-labelledby="tokens-heading" id="tokens">
      <h2 id="tokens-heading">{t('org.tokens')}</h2>
      <p>{t('org.tokensIntro')}</p>
      <FormAlert message={alert} />
      {tokens.error ? <LoadError error={tokens.error} onRetry={() => void tokens.reload()} /> : null}
      {tokens.loading && !tokens.data ? <Loading /> : null}
      {tokens.data && live.length === 0 ? <p className="empty">{t('org.tokensEmpty')}</p> : null}
      {live.length > 0 ? (
        <ul className="item-list" data-testid="token-list">
          {live.map((x) => (
            <li key={x.id} className="item" data-token={x.id}>
              <div className="item-main">
                <h3 className="item-title">
                  {x.name} <code className="muted">{x.prefix}…</code>
                </h3>
                <p className="small">{x.scopes.map((s) => t(`org.scopes.${s.replace('.', '_')}`, s)).join(', ')}</p>
                <p className="muted small">
                  {t('org.tokenExpires')} <DateTime value={x.expires_at} dateOnly /> ·{' '}
                  {x.last_used_at ? (
                    <>
                      {t('org.lastUsed')} <DateTime value={x.last_used_at} />
                    </>
                  ) : (
                    t('org.neverUsed')
                  )}
                  {x.created_by_name ? <> · {t('org.createdBy', { name: x.created_by_name })}</> : null}
                </p>
              </div>
              <div className="item-actions">
                <ConfirmButton
                  label={t('org.revokeToken')}
                  question={t('org.revokeTokenQuestion', { name: x.name })}
                  confirmLabel={t('org.revokeTokenConfirm')}
                  onConfirm={() => revoke(x.id)}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {created ? (
        <div className="card highlight" data-testid="new-token">
          <h3>{t('org.tokenCreatedTitle')}</h3>
          <p>{t('org.tokenCreatedIntro')}</p>
          <p>
            <code className="secret" data-token-secret>
              {created.token}
            </code>
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void navigator.clipboard?.writeText(created.token).then(() => setCopied(true))}
            >
              {t('common.copy')}
            </button>
            <button type="button" className="button button-primary" onClick={() => setCreated(null)}>
              {t('org.tokenStored')}
            </button>
          </div>
          <Status>{copied ? t('common.copied') : null}</Status>
        </div>
      ) : null}
      <form className="card form" onSubmit={create} noValidate aria-labelledby="new-token-heading">
        <h3 id="new-token-heading">{t('org.newToken')}</h3>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <TextField
          label={t('org.tokenName')}
          hint={t('org.tokenNameHint')}
          name="token_name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={errors.byField.name}
          required
        />
        <ChoiceGroup legend={t('org.tokenScopes')} errors={errors.byField.scopes}>
          {TOKEN_SCOPES.map((s) => (
            <label key={s} className="choice">
              <input
                type="checkbox"
                name="scopes"
                value={s}
                checked={scopes.includes(s)}
                onChange={(e) => setScopes((old) => (e.target.checked ? [...old, s] : old.filter((x) => x !== s)))}
              />
              <span>{t(`org.scopes.${s.replace('.', '_')}`)}</span>
            </label>
          ))}
        </ChoiceGroup>
        <TextField
          label={t('org.expiresInDays')}
          hint={t('org.expiresInDaysHint')}
          name="expires_in_days"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          errors={errors.byField.expires_in_days}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('org.createToken')}
          </button>
        </div>
      </form>
    </section>
  );
}
