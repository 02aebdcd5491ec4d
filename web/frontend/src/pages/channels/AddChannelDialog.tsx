import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, Dialog, ProblemAlert, SelectField, TextField } from '../../ui'
import { CHANNEL_TYPES, credentialsBody, type ChannelType } from './credentialFields'
import { CredentialInputs } from './CredentialInputs'

/** Type first, then only that type's credential fields; web chat needs none. */
export function AddChannelDialog({ botId, open, onClose, onAdded }: {
  botId: string
  open: boolean
  onClose: () => void
  onAdded: () => void
}) {
  const { t } = useTranslation('channels')
  const [type, setType] = useState<ChannelType>('line')
  const [name, setName] = useState('')
  const [credentials, setCredentials] = useState<Record<string, string>>({})
  const add = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/channels', {
      params: { path: { botId } },
      body: { type, name: name.trim() || null, credentials: credentialsBody(type, credentials) },
    })),
    onSuccess: () => {
      setName('')
      setCredentials({})
      add.reset()
      onAdded()
    },
  })
  const errors = add.error instanceof ApiProblem ? add.error.fieldErrors : {}
  const shownNextToFields = Object.keys(errors).some((field) => field === 'name' || field.startsWith('credentials.'))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.mutate()
  }
  return (
    <Dialog open={open} onClose={onClose} title={t('add')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        {add.error && !shownNextToFields && <ProblemAlert error={add.error} />}
        <SelectField label={t('type')} value={type} error={errors.type} hint={t(`typeHelp.${type}`)}
                     onChange={(e) => { setType(e.target.value as ChannelType); setCredentials({}); add.reset() }}>
          {CHANNEL_TYPES.map((value) => <option key={value} value={value}>{t(`types.${value}`)}</option>)}
        </SelectField>
        <TextField label={t('name')} hint={t('nameHint')} maxLength={100} value={name} error={errors.name}
                   onChange={(e) => setName(e.target.value)} />
        <CredentialInputs type={type} values={credentials} onChange={setCredentials} errors={errors} />
        <div className="p-dialog__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={add.isPending}>{t('add')}</Button>
        </div>
      </form>
    </Dialog>
  )
}
