import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, ProblemAlert, SelectField, TextField } from '../../ui'
import { DryRunResult } from './DryRunResult'
import { DryRunSampleFields } from './DryRunSampleFields'
import { EMPTY_SAMPLE, sampleRequest, type Sample } from './dryRunSample'

type Kind = 'text' | 'postback' | 'follow'

/**
 * "Type a message → which gate or flow answers, which branch runs, what an answer to a waiting question captures
 * and what would be sent", with the same matcher and answer checks as the pipeline, for a sample contact.
 */
export function DryRunBox({ botId }: { botId: string }) {
  const { t } = useTranslation('flows')
  const [kind, setKind] = useState<Kind>('text')
  const [input, setInput] = useState('')
  const [sample, setSample] = useState<Sample>(EMPTY_SAMPLE)
  const run = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/flows/dry-run', {
      params: { path: { botId } },
      body: {
        ...(kind === 'text' ? { text: input } : kind === 'postback' ? { postback: input } : { event: 'follow' }),
        ...sampleRequest(sample),
      },
    })),
  })
  const errors = run.error instanceof ApiProblem ? run.error.fieldErrors : {}
  const shown = ['text', 'postback', 'channel', 'variables', 'contact.tier', 'contact.attributes', 'waiting.flowId', 'waiting.step', 'waiting.attempts']
  const submit = (e: FormEvent) => {
    e.preventDefault()
    run.mutate()
  }
  return (
    <section className="p-card flow-dry-run" aria-label={t('dryRun.title')}>
      <h2 className="flow-card__title">{t('dryRun.title')}</h2>
      <p className="p-muted flow-card__hint">{t('dryRun.hint')}</p>
      <form className="p-stack" onSubmit={submit} noValidate>
        <div className="flow-dry-run__inputs">
          <SelectField label={t('dryRun.kind')} value={kind} onChange={(e) => { setKind(e.target.value as Kind); run.reset() }}>
            {(['text', 'postback', 'follow'] as const).map((k) => <option key={k} value={k}>{t(`dryRun.kinds.${k}`)}</option>)}
          </SelectField>
          {kind !== 'follow' && (
            <TextField label={kind === 'text' ? t('dryRun.input') : t('dryRun.postbackInput')} value={input}
                       error={errors.text ?? errors.postback} onChange={(e) => setInput(e.target.value)} />
          )}
          <TextField label={t('dryRun.contactName')} value={sample.name} maxLength={200} placeholder="美玲"
                     onChange={(e) => setSample({ ...sample, name: e.target.value })} />
        </div>
        <DryRunSampleFields botId={botId} sample={sample} onChange={setSample} errors={errors} />
        <div><Button type="submit" busy={run.isPending} disabled={kind !== 'follow' && !input.trim()}>{t('dryRun.run')}</Button></div>
      </form>
      <div aria-live="polite" className="flow-dry-run__result">
        {run.error && !shown.some((field) => errors[field]) && <ProblemAlert error={run.error} />}
        {run.data && <DryRunResult result={run.data} />}
      </div>
    </section>
  )
}
