import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Button, Card, Checkbox, ProblemAlert, TextField } from '../../ui'

type Memory = components['schemas']['BotMemorySettings']

/**
 * A bot's long memory (docs/llm.md "Long memory"): whether a rolling summary of each conversation is kept, and the
 * (cheaper) model that writes it. Its own PATCH of {@code memory}; owners and admins change it.
 */
export function SummaryCard({ botId, memory, editable }: { botId: string; memory: Memory; editable: boolean }) {
  const { t } = useTranslation('memory')
  const queries = useQueryClient()
  const [summary, setSummary] = useState(memory.summary)
  const [model, setModel] = useState(memory.summaryModel ?? '')
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/bots/{botId}', {
      params: { path: { botId } }, body: { memory: { summary, summaryModel: model.trim() === '' ? null : model.trim() } },
    })),
    onSuccess: (updated) => queries.setQueryData(['bot', botId], updated),
  })
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <Card title={t('longMemory.title')}>
      <form className="p-stack" onSubmit={submit} aria-label={t('longMemory.title')} noValidate>
        <p className="p-muted">{t('longMemory.description')}</p>
        <fieldset className="p-stack bot-fieldset" disabled={!editable}>
          <Checkbox label={t('longMemory.summary')} checked={summary} onChange={(e) => setSummary(e.target.checked)} />
          <TextField label={t('longMemory.model')} hint={t('longMemory.modelHint')} value={model} maxLength={200}
                     error={errors['memory.summaryModel']} onChange={(e) => setModel(e.target.value)} />
        </fieldset>
        {save.error && !(save.error instanceof ApiProblem && Object.keys(errors).length > 0) && <ProblemAlert error={save.error} />}
        {editable && <div><Button type="submit" busy={save.isPending}>{t('longMemory.save')}</Button></div>}
      </form>
    </Card>
  )
}
