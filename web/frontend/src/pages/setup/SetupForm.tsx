import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { formatDateTime } from '../../format/dates'
import { Button, Notice, ProblemAlert, TextAreaField, TextField } from '../../ui'
import { inLanguage } from './inLanguage'
import { SetupMemory } from './SetupMemory'

type SetupPageData = components['schemas']['SetupPage']

/** The attribute the page asked for before the tenant chose the fields; it keeps the page's own words as label. */
const NICKNAME = 'nickname'

/** An attribute's value as text for a field (lists and flags are shown joined, and only editable as text). */
function asText(value: unknown): string {
  return value == null ? '' : Array.isArray(value) ? value.join(', ') : String(value)
}

/**
 * The setup form as the bot's settings shape it (docs/setup-page.md): the tenant's fields in order with their labels
 * (read-only ones shown but not editable), the character description only when the bot lets contacts replace its
 * persona, the bot's memory fields the contact may see (read-only), and the tenant's text after saving.
 */
export function SetupForm({ token, page }: { token: string; page: SetupPageData }) {
  const { t, i18n } = useTranslation('setup')
  const queries = useQueryClient()
  const values = page.attributes as Record<string, unknown>
  const initial = Object.fromEntries(page.fields.map((f) => [f.key, asText(values[f.key])]))
  const [attributes, setAttributes] = useState<Record<string, string>>(initial)
  const [persona, setPersona] = useState(page.personaOverride ?? '')
  const [saved, setSaved] = useState(false)
  const save = useMutation({
    // Only changed editable fields are sent: the body is a merge patch, and unchanged numbers stay numbers.
    mutationFn: () => unwrap(api.POST('/api/v1/public/setup/{token}', {
      params: { path: { token } },
      body: {
        attributes: Object.fromEntries(page.fields.filter((f) => f.editable)
          .filter((f) => attributes[f.key].trim() !== initial[f.key])
          .map((f) => [f.key, attributes[f.key].trim() === '' ? null : attributes[f.key].trim()])),
        ...(page.allowPersonaOverride ? { personaOverride: persona.trim() } : {}),
      },
    })),
    onSuccess: (data) => {
      queries.setQueryData(['setup', token], data)
      setSaved(true)
    },
  })
  if (saved) {
    const done = inLanguage(page.doneText, i18n.language)
    return (
      <div className="p-stack">
        {/* The tenant's own closing text when set; else a message is promised only when one of the bot's flows sends it (a setup_submitted trigger). */}
        <Notice tone="success"><strong>{t('saved.title')}</strong> {done ?? t(page.messageAfterSubmit ? 'saved.body' : 'saved.bodyNoMessage')}</Notice>
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
  return (
    <form className="p-stack" onSubmit={submit} noValidate>
      <p>{name ? t('greeting', { name }) : t('greetingAnonymous')}</p>
      {save.error != null && <ProblemAlert error={save.error} />}
      {page.memory.length > 0 && <SetupMemory memory={page.memory} />}
      {page.fields.map((field) => {
        const label = inLanguage(field.label, i18n.language) ?? (field.key === NICKNAME ? t('nickname') : field.key)
        return (
          <TextField key={field.key} label={label} maxLength={1000} value={attributes[field.key]}
                     hint={field.key === NICKNAME && !field.label ? t('nicknameHint') : undefined}
                     readOnly={!field.editable} error={fields[`attributes.${field.key}`]}
                     onChange={(e) => setAttributes({ ...attributes, [field.key]: e.target.value })} />
        )
      })}
      {page.allowPersonaOverride && (
        <TextAreaField label={inLanguage(page.personaLabel, i18n.language) ?? t('persona')} hint={t('personaHint')}
                       rows={6} maxLength={16000} value={persona} error={fields.personaOverride}
                       onChange={(e) => setPersona(e.target.value)} />
      )}
      <p className="p-muted">{t('validUntil', { date: formatDateTime(page.expiresAt) })}</p>
      <Button type="submit" variant="primary" block busy={save.isPending}>{t('submit')}</Button>
    </form>
  )
}
