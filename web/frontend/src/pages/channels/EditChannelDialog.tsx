import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Button, Checkbox, Dialog, ProblemAlert, TextField } from '../../ui'
import { CREDENTIAL_FIELDS, credentialsBody, type ChannelType } from './credentialFields'
import { CredentialInputs } from './CredentialInputs'

export type Channel = components['schemas']['Channel']

/** Rename, or rotate the credentials (sent as a whole, as the API replaces them as a whole). */
export function EditChannelDialog({ channel, title, onClose, onSaved }: {
  channel: Channel
  title: string
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation('channels')
  const type = channel.type as ChannelType
  const [name, setName] = useState(channel.name ?? '')
  const [replacing, setReplacing] = useState(false)
  const [credentials, setCredentials] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/bots/{botId}/channels/{channelId}', {
      params: { path: { botId: channel.botId, channelId: channel.id ?? '' } },
      body: { name: name.trim(), ...(replacing && { credentials: credentialsBody(type, credentials) }) },
    })),
    onSuccess: onSaved,
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <Dialog open onClose={onClose} title={t('editTitle', { name: title })}>
      <form className="p-stack" onSubmit={submit} noValidate>
        {save.error && <ProblemAlert error={save.error} />}
        <TextField label={t('name')} maxLength={100} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        {CREDENTIAL_FIELDS[type].length > 0 && (
          <>
            <Checkbox label={t('replaceCredentials')} checked={replacing} onChange={(e) => setReplacing(e.target.checked)} />
            {replacing && (
              <>
                <p className="p-field__hint">{t('replaceHint')}</p>
                <CredentialInputs type={type} values={credentials} onChange={setCredentials} errors={errors} />
              </>
            )}
          </>
        )}
        <div className="p-dialog__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>{t('saveChanges')}</Button>
        </div>
      </form>
    </Dialog>
  )
}
