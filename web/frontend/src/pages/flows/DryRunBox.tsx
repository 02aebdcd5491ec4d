import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Badge, Button, ProblemAlert, SelectField, TextField } from '../../ui'

type Kind = 'text' | 'postback' | 'follow'

/** "Type a message → which flow matches and what would be sent", with the same matcher as the pipeline. */
export function DryRunBox({ botId }: { botId: string }) {
  const { t } = useTranslation('flows')
  const [kind, setKind] = useState<Kind>('text')
  const [input, setInput] = useState('')
  const [name, setName] = useState('')
  const run = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/flows/dry-run', {
      params: { path: { botId } },
      body: {
        ...(kind === 'text' ? { text: input } : kind === 'postback' ? { postback: input } : { event: 'follow' }),
        ...(name.trim() && { contact: { displayName: name.trim() } }),
      },
    })),
  })
  const errors = run.error instanceof ApiProblem ? run.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    run.mutate()
  }
  const result = run.data && { ...run.data, steps: run.data.steps ?? [], warnings: run.data.warnings ?? [], attributeChanges: run.data.attributeChanges ?? {} }
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
          <TextField label={t('dryRun.contactName')} value={name} maxLength={200} placeholder="美玲" onChange={(e) => setName(e.target.value)} />
        </div>
        <div><Button type="submit" busy={run.isPending} disabled={kind !== 'follow' && !input.trim()}>{t('dryRun.run')}</Button></div>
      </form>
      <div aria-live="polite" className="flow-dry-run__result">
        {run.error && !errors.text && !errors.postback && <ProblemAlert error={run.error} />}
        {result && (
          <div className="p-stack" role="status">
            <p>{result.matched ? <strong>{t('dryRun.matched', { name: result.matched.name })}</strong> : t('dryRun.noMatch')}</p>
            {result.steps.length > 0 && (
              <div>
                <span className="p-field__label">{t('dryRun.wouldSend')}</span>
                <ol className="flow-dry-run__steps">
                  {result.steps.map((step, index) => (
                    <li key={index}>
                      <Badge>{t(`stepTypes.${step.type}`, { defaultValue: step.type ?? '' })}</Badge>{' '}
                      {step.text ?? step.message ?? step.instruction ?? step.url ?? (step.key ? `${step.key} = ${step.value ?? ''}` : '')}
                      {step.buttons && step.buttons.length > 0 && (
                        <span className="flow-dry-run__buttons">{step.buttons.map((b, i) => <Badge key={i} tone="primary">{b.label}</Badge>)}</span>
                      )}
                    </li>
                  ))}
                </ol>
              </div>
            )}
            <p className="p-muted">{t(`dryRun.then.${result.then}`, { defaultValue: result.then })}</p>
            {Object.keys(result.attributeChanges).length > 0 && (
              <p className="p-muted">{t('dryRun.attributes', { changes: Object.entries(result.attributeChanges).map(([k, v]) => `${k} = ${v}`).join(', ') })}</p>
            )}
            {result.warnings.length > 0 && (
              <div className="p-alert p-alert--danger"><strong>{t('dryRun.warnings')}:</strong> {result.warnings.join('; ')}</div>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
