import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Card, Loading, Notice, ProblemAlert, SelectField, TextField } from '../../ui'
import { ApiProblem } from '../../api/problem'
import { bodyText, type Channel, type Template, useRemoveWindowFallback, useSaveWindowFallback, useWindowFallback,
  variableCount } from './templateData'

const PLACEHOLDERS = '{{contact.displayName}}, {{contact.attributes.city}}, {{bot.name}}'

/** One WhatsApp channel's 24-hour fallback: the approved template to send instead, and what fills its body variables. */
export function FallbackCard({ botId, channel, templates, canConfigure }: {
  botId: string; channel: Channel; templates: Template[]; canConfigure: boolean
}) {
  const { t } = useTranslation('templates')
  const current = useWindowFallback(botId, channel.id)
  const save = useSaveWindowFallback(botId, channel.id)
  const remove = useRemoveWindowFallback(botId, channel.id)
  const usable = templates.filter((template) => template.channelId === channel.id && template.status === 'APPROVED')
  const [chosen, setChosen] = useState('')
  const [values, setValues] = useState<string[]>([])
  useEffect(() => {
    if (current.data) {
      const match = usable.find((template) => template.name === current.data?.templateName && template.language === current.data?.language)
      setChosen(match?.id ?? '')
      setValues(current.data.bodyVariables)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the stored fallback arrives
  }, [current.data])
  const template = usable.find((candidate) => candidate.id === chosen)
  const count = template ? variableCount(bodyText(template)) : 0
  const fieldErrors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}

  return (
    <Card title={`${t('fallback.title')} · ${channel.name ?? channel.externalId ?? 'WhatsApp'}`}>
      <p className="p-muted">{t('fallback.description')}</p>
      {current.isPending ? <Loading /> : current.error ? <ProblemAlert error={current.error} /> : <>
        {current.data
          ? <Notice tone="success">{t('fallback.current', { name: current.data.templateName, language: current.data.language })}</Notice>
          : <Notice>{t('fallback.none')}</Notice>}
        {canConfigure && (
          <form className="p-stack" onSubmit={(e) => {
            e.preventDefault()
            if (template) save.mutate({ templateName: template.name, language: template.language, bodyVariables: values.slice(0, count) })
          }}>
            <SelectField label={t('fallback.template')} value={chosen} error={fieldErrors.templateName}
                         onChange={(e) => { setChosen(e.target.value); setValues([]) }}>
              <option value="">{t('fallback.choose')}</option>
              {usable.map((option) => <option key={option.id} value={option.id}>{option.name} ({option.language})</option>)}
            </SelectField>
            {template && <p className="p-muted">{bodyText(template)}</p>}
            {Array.from({ length: count }, (_, i) => (
              <TextField key={i} label={t('fallback.variable', { variable: `{{${i + 1}}}` })}
                         hint={t('fallback.variableHint', { placeholders: PLACEHOLDERS, messageText: '{{message.text}}' })}
                         value={values[i] ?? ''} error={fieldErrors[`bodyVariables[${i}]`] ?? (i === 0 ? fieldErrors.bodyVariables : undefined)}
                         onChange={(e) => setValues(Array.from({ length: count }, (_, j) => (j === i ? e.target.value : values[j] ?? '')))} />
            ))}
            {save.error && !Object.keys(fieldErrors).length && <ProblemAlert error={save.error} />}
            {save.isSuccess && <p role="status">{t('fallback.saved')}</p>}
            <div className="p-row">
              <Button type="submit" variant="primary" disabled={!template} busy={save.isPending}>{t('fallback.save')}</Button>
              {current.data && <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate()}>{t('fallback.remove')}</Button>}
            </div>
          </form>
        )}
      </>}
    </Card>
  )
}
