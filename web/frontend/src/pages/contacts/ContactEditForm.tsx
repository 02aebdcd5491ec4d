import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { Button, Notice, ProblemAlert, TextField } from '../../ui'
import { useUpdateContact, type Contact, type ContactPatch } from './contactData'

interface Row { key: string; text: string; original?: unknown }

/** Strings edit as they are; numbers, booleans and lists as JSON, so "3" stays the number 3 when saved untouched. */
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

function parsed(row: Row): unknown {
  if (row.original !== undefined && typeof row.original !== 'string') {
    try {
      return JSON.parse(row.text)
    } catch {
      return row.text
    }
  }
  return row.text
}

const rowsOf = (contact: Contact): Row[] =>
  Object.entries(contact.attributes).map(([key, value]) => ({ key, text: shown(value), original: value }))

/**
 * Display name, tier and attributes in one form. Attributes go as a JSON merge patch (docs/contacts.md): changed and
 * new keys with their values, removed keys as null, untouched keys not at all.
 */
export function ContactEditForm({ contact, readOnly }: { contact: Contact; readOnly: boolean }) {
  const { t } = useTranslation('contacts')
  const update = useUpdateContact(contact.id)
  const [displayName, setDisplayName] = useState(contact.displayName ?? '')
  const [tier, setTier] = useState(contact.tier)
  const [rows, setRows] = useState<Row[]>(() => rowsOf(contact))
  const [saved, setSaved] = useState(false)

  const patch = (): ContactPatch => {
    const body: ContactPatch = {}
    if (displayName !== (contact.displayName ?? '')) body.displayName = displayName
    if (tier !== contact.tier) body.tier = tier
    const attributes: Record<string, unknown> = {}
    const kept = new Set(rows.map((r) => r.key.trim()))
    Object.keys(contact.attributes).filter((k) => !kept.has(k)).forEach((k) => { attributes[k] = null })
    rows.filter((r) => r.key.trim()).forEach((r) => {
      const key = r.key.trim()
      const before = contact.attributes[key] as unknown
      if (before === undefined || shown(before) !== r.text) attributes[key] = parsed({ ...r, original: before })
    })
    if (Object.keys(attributes).length > 0) body.attributes = attributes
    return body
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    const body = patch()
    if (Object.keys(body).length === 0) return setSaved(true)
    update.mutate(body, {
      onSuccess: (now) => { setRows(rowsOf(now)); setSaved(true) },
    })
  }
  const setRow = (index: number, change: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)))
  const fields = update.error instanceof ApiProblem ? update.error.fieldErrors : {}
  const unplaced = update.error && !fields.displayName && !fields.tier && !Object.keys(fields).some((f) => f.startsWith('attributes'))

  return (
    <form className="p-stack contact-form" onSubmit={submit} noValidate>
      <TextField label={t('edit.displayName')} value={displayName} error={fields.displayName} readOnly={readOnly}
                 onChange={(e) => setDisplayName(e.target.value)} />
      <TextField label={t('edit.tier')} value={tier} error={fields.tier} readOnly={readOnly} hint={t('edit.tierHint')}
                 onChange={(e) => setTier(e.target.value)} />
      <fieldset className="contact-form__attributes">
        <legend className="contact-panel__section">{t('edit.attributes')}</legend>
        {rows.length === 0 && <p className="p-muted contact-panel__small">{t('edit.noAttributes', { placeholder: '{{contact.attributes.<key>}}' })}</p>}
        {fields.attributes && <span className="p-field__error">{fields.attributes}</span>}
        {rows.map((row, i) => (
          <div key={i} className="contact-form__attribute">
            <TextField label={t('edit.key')} value={row.key} readOnly={readOnly || row.original !== undefined}
                       error={fields[`attributes.${row.key.trim()}`]} onChange={(e) => setRow(i, { key: e.target.value })} />
            <TextField label={t('edit.value')} value={row.text} readOnly={readOnly}
                       onChange={(e) => setRow(i, { text: e.target.value })} />
            {!readOnly && (
              <Button size="sm" variant="ghost" aria-label={t('edit.remove', { key: row.key || '…' })}
                      onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>✕</Button>
            )}
          </div>
        ))}
        {!readOnly && (
          <div><Button size="sm" onClick={() => setRows((all) => [...all, { key: '', text: '' }])}>{t('edit.addAttribute')}</Button></div>
        )}
      </fieldset>
      {unplaced && <ProblemAlert error={update.error} />}
      {saved && !update.isPending && <Notice tone="success">{t('common:state.saved')}</Notice>}
      {!readOnly && <div><Button type="submit" variant="primary" busy={update.isPending}>{t('edit.save')}</Button></div>}
    </form>
  )
}
