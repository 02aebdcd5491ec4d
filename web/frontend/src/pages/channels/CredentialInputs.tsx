import { useTranslation } from 'react-i18next'
import { TextField } from '../../ui'
import { CREDENTIAL_FIELDS, type ChannelType } from './credentialFields'

/** The inputs for one channel type's credentials; secrets are password fields, errors come as credentials.<name>. */
export function CredentialInputs({ type, values, onChange, errors }: {
  type: ChannelType
  values: Record<string, string>
  onChange: (values: Record<string, string>) => void
  errors: Record<string, string>
}) {
  const { t } = useTranslation('channels')
  return (
    <>
      {CREDENTIAL_FIELDS[type].map((field) => (
        <TextField key={field.name} label={t(`fields.${field.name}`)} type={field.secret ? 'password' : 'text'}
                   autoComplete="off" spellCheck={false} required={field.required} placeholder={field.placeholder}
                   inputMode={field.name === 'phoneNumberId' ? 'numeric' : undefined}
                   hint={field.name === 'verifyToken' ? t('fields.verifyTokenHint') : undefined}
                   value={values[field.name] ?? ''} error={errors[`credentials.${field.name}`]}
                   onChange={(e) => onChange({ ...values, [field.name]: e.target.value })} />
      ))}
    </>
  )
}
