import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { formatDateTime } from '../../format/dates'
import { Button, Notice, ProblemAlert, TextAreaField, TextField } from '../../ui'

type SetupPageData = components['schemas']['SetupPage']

/** The attribute the page always asks for; the persona can use it as {{contact.attributes.nickname}}. */
const NICKNAME = 'nickname'

/** Attributes the page can edit as text: strings and numbers (lists and flags are left as they are). */
function editable(attributes: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => [key, String(value)]))
}

export function SetupForm({ token, page }: { token: string; page: SetupPageData }) {
  const { t } = useTranslation('setup')
  const queries = useQueryClient()
  const initial = editable(page.attributes as Record<string, unknown>)
  const [attributes, setAttributes] = useState<Record<string, string>>({ [NICKNAME]: '', ...initial })
  const [persona, setPersona] = useState(page.personaOverride ?? '')
  const [saved, setSaved] = useState(false)
  const save = useMutation({
    // Only changed attributes are sent: the body is a merge patch, and unchanged numbers stay numbers.
    mutationFn: () => unwrap(api.POST('/api/v1/public/setup/{token}', {
      params: { path: { token } },
      body: {
        attributes: Object.fromEntries(Object.entries(attributes).filter(([key, value]) => value.trim() !== (initial[key] ?? ''))
          .map(([key, value]) => [key, value.trim() === '' ? null : value.trim()])),
        personaOverride: persona.trim(),
      },
    })),
    onSuccess: (data) => {
      queries.setQueryData(['setup', token], data)
      setSaved(true)
    },
  })
  if (saved) {
    return (
      <div className="p-stack">
        {/* A message is promised only when one of the bot's flows sends it (a setup_submitted trigger). */}
        <Notice tone="success"><strong>{t('saved.title')}</strong> {t(page.messageAfterSubmit ? 'saved.body' : 'saved.bodyNoMessage')}</Notice>
        <p className="p-muted">{t('saved.close')}</p>
        <div><Button onClick={() => setSaved(false)}>{t('saved.editAgain')}</Button></div>
      </div>
    )
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  const fields = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const name = page.contact.displayName
  const others = Object.keys(attributes).filter((key) => key !== NICKNAME)
  return (
    <form className="p-stack" onSubmit={submit} noValidate>
      <p>{name ? t('greeting', { name }) : t('greetingAnonymous')}</p>
      {save.error != null && <ProblemAlert error={save.error} />}
      <TextField label={t('nickname')} hint={t('nicknameHint')} maxLength={1000} value={attributes[NICKNAME]}
                 error={fields[`attributes.${NICKNAME}`] ?? fields.attributes}
                 onChange={(e) => setAttributes({ ...attributes, [NICKNAME]: e.target.value })} />
      <TextAreaField label={t('persona')} hint={t('personaHint')} rows={6} maxLength={16000} value={persona}
                     error={fields.personaOverride} onChange={(e) => setPersona(e.target.value)} />
      {others.length > 0 && (
        <fieldset className="p-stack">
          <legend>{t('more')}</legend>
          {others.map((key) => (
            <TextField key={key} label={key} maxLength={1000} value={attributes[key]} error={fields[`attributes.${key}`]}
                       onChange={(e) => setAttributes({ ...attributes, [key]: e.target.value })} />
          ))}
        </fieldset>
      )}
      <p className="p-muted">{t('validUntil', { date: formatDateTime(page.expiresAt) })}</p>
      <Button type="submit" variant="primary" block busy={save.isPending}>{t('submit')}</Button>
    </form>
  )
}
