import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../lib/errors';
import { TextField } from './Field';

/**
 * The name and password of an account that an e-mailed link creates (an organization's or a
 * client's invitation accepted by someone without an account). The link proves the address.
 */
export function NewcomerFields({
  name,
  password,
  onName,
  onPassword,
  errors,
}: {
  name: string;
  password: string;
  onName: (value: string) => void;
  onPassword: (value: string) => void;
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('invitation.name')}
        name="name"
        autoComplete="name"
        value={name}
        onChange={(e) => onName(e.target.value)}
        errors={errors.byField.name}
        required
      />
      <TextField
        label={t('invitation.password')}
        hint={t('reset.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        errors={errors.byField.password ?? errors.byField.email}
        required
      />
    </>
  );
}
