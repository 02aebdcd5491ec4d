import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { formatDateTime } from '../../format/dates'
import { Button, ProblemAlert, TextField } from '../../ui'
import { shown, type ContactMemory as Memory, type MemoryField } from './memoryData'

const HISTORY_SHOWN = 10

/**
 * The contact panel's memory section: per bot, each field's value (or its default) and the recent changes with who
 * made them; agents and up set a contact-wide value (recorded as agent). Per-conversation values are listed only.
 */
export function ContactMemory({ contactId, canEdit }: { contactId: string; canEdit: boolean }) {
  const { t } = useTranslation('memory')
  const memory = useQuery({ queryKey: ['contact-memory', contactId], queryFn: () =>
    unwrap(api.GET('/api/v1/contacts/{contactId}/memory', { params: { path: { contactId } } })) })
  if (memory.isPending) return null
  // A contact that is gone is the panel's own error to show; anything else is shown here.
  if (memory.error) return memory.error instanceof ApiProblem && memory.error.status === 404 ? null
    : <ProblemAlert error={memory.error} onRetry={() => memory.refetch()} />
  const data = memory.data
  return (
    <div className="p-stack" style={{ gap: 'var(--space-2)' }}>
      <h3 className="contact-panel__section">{t('panel.title')}</h3>
      {data.bots.length === 0 && <p className="p-muted contact-panel__small">{t('panel.none')}</p>}
      {data.bots.map((bot) => (
        <div key={bot.botId} className="p-stack" style={{ gap: 'var(--space-1)' }}>
          {data.bots.length > 1 && <strong>{bot.botName}</strong>}
          <dl className="contact-panel__memory">
            {bot.fields.map((field) => (
              <FieldValue key={field.name} contactId={contactId} botId={bot.botId} field={field} canEdit={canEdit}
                          values={bot.values.filter((v) => v.field === field.name)} />
            ))}
          </dl>
        </div>
      ))}
      <History memory={data} />
    </div>
  )
}

function FieldValue({ contactId, botId, field, values, canEdit }: {
  contactId: string; botId: string; field: MemoryField; canEdit: boolean
  values: Memory['bots'][number]['values']
}) {
  const { t } = useTranslation('memory')
  const queries = useQueryClient()
  const [text, setText] = useState('')
  const set = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/contacts/{contactId}/memory', {
      params: { path: { contactId }, query: { botId } },
      body: { [field.name]: field.type === 'number' ? Number(text) : field.type === 'boolean' ? text.trim() === 'true' : text },
    })),
    onSuccess: (saved) => { setText(''); queries.setQueryData(['contact-memory', contactId], saved) },
  })
  const contactWide = values.find((v) => !v.conversationId)
  const value = contactWide ? shown(contactWide.value)
    : field.defaultValue !== undefined && field.defaultValue !== null ? t('panel.defaultValue', { value: shown(field.defaultValue) }) : t('panel.unset')
  return (
    <>
      <dt>{field.name}</dt>
      <dd>
        {field.scope === 'conversation'
          ? (values.length === 0 ? value : values.map((v) => <div key={v.conversationId}>{shown(v.value)}</div>))
          : value}
        {canEdit && field.scope !== 'conversation' && (
          <form className="p-row" onSubmit={(e) => { e.preventDefault(); set.mutate() }}>
            <TextField label={t('panel.edit', { name: field.name })} value={text} onChange={(e) => setText(e.target.value)}
                       type={field.type === 'number' ? 'number' : 'text'} />
            <Button size="sm" type="submit" busy={set.isPending} disabled={!text.trim()}>{t('panel.set')}</Button>
          </form>
        )}
        {set.error && <ProblemAlert error={set.error} />}
      </dd>
    </>
  )
}

function History({ memory }: { memory: Memory }) {
  const { t } = useTranslation('memory')
  if (memory.history.length === 0) return null
  return (
    <div>
      <h4 className="contact-panel__small">{t('panel.history')}</h4>
      <ul className="contact-panel__small">
        {memory.history.slice(0, HISTORY_SHOWN).map((change) => (
          <li key={change.id}>
            {t('panel.change', { field: change.field, from: shown(change.oldValue) || '—', to: shown(change.newValue) || '—' })}
            {' '}{t(`panel.by.${change.source}`)} · {formatDateTime(change.changedAt)}
          </li>
        ))}
      </ul>
    </div>
  )
}
