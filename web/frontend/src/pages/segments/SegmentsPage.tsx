import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Card, Loading, PageHeader, ProblemAlert, SelectField, TextField } from '../../ui'
import { useCreateSegment, useSegmentPreview, useSegments, type SegmentDefinition } from './segmentData'

const COUNT_DELAY_MS = 300

interface Form {
  name: string; tagsAny: string; tagsAll: string; tagsNone: string; tiers: string; channelType: string
  following: string; lastActive: string; inactive: string
}
const EMPTY: Form = { name: '', tagsAny: '', tagsAll: '', tagsNone: '', tiers: '', channelType: '', following: '', lastActive: '', inactive: '' }

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean)
const days = (text: string) => (/^\d+$/.test(text.trim()) && Number(text) > 0 ? Number(text) : undefined)

/** The definition the API takes: only the conditions filled in. */
function definitionOf(form: Form): SegmentDefinition {
  const definition: SegmentDefinition = {}
  const tags = { any: list(form.tagsAny), all: list(form.tagsAll), none: list(form.tagsNone) }
  if (tags.any.length || tags.all.length || tags.none.length) {
    definition.tags = Object.fromEntries(Object.entries(tags).filter(([, v]) => v.length))
  }
  if (list(form.tiers).length) definition.tiers = list(form.tiers)
  if (form.channelType) definition.channelTypes = [form.channelType]
  if (form.following) definition.following = form.following === 'true'
  if (days(form.lastActive)) definition.lastActiveWithinDays = days(form.lastActive)
  if (days(form.inactive)) definition.inactiveForDays = days(form.inactive)
  return definition
}

/** Saved segments and a builder whose count follows the conditions as they are typed. */
export function SegmentsPage() {
  const { t } = useTranslation('segments')
  const segments = useSegments()
  const create = useCreateSegment()
  const [form, setForm] = useState<Form>(EMPTY)
  const [counted, setCounted] = useState<SegmentDefinition>({})
  const definition = definitionOf(form)
  const key = JSON.stringify(definition)
  useEffect(() => {
    const timer = setTimeout(() => setCounted(JSON.parse(key) as SegmentDefinition), COUNT_DELAY_MS)
    return () => clearTimeout(timer)
  }, [key])
  const preview = useSegmentPreview(counted)
  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  })

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="p-stack">
        <Card title={t('builder')}>
          <form className="p-stack" onSubmit={(e) => {
            e.preventDefault()
            create.mutate({ name: form.name.trim(), definition }, { onSuccess: () => setForm(EMPTY) })
          }}>
            <TextField label={t('name')} required {...field('name')} />
            <TextField label={t('tagsAny')} placeholder={t('tagsHint')} {...field('tagsAny')} />
            <TextField label={t('tagsAll')} placeholder={t('tagsHint')} {...field('tagsAll')} />
            <TextField label={t('tagsNone')} placeholder={t('tagsHint')} {...field('tagsNone')} />
            <TextField label={t('tiers')} placeholder="premium, free" {...field('tiers')} />
            <SelectField label={t('channelType')} {...field('channelType')}>
              <option value="">{t('anyChannel')}</option>
              {(['line', 'whatsapp', 'telegram'] as const).map((type) => <option key={type} value={type}>{t(`types.${type}`)}</option>)}
            </SelectField>
            <SelectField label={t('following')} {...field('following')}>
              <option value="">{t('any')}</option>
              <option value="true">{t('yes')}</option>
              <option value="false">{t('no')}</option>
            </SelectField>
            <TextField label={t('lastActive')} inputMode="numeric" {...field('lastActive')} />
            <TextField label={t('inactive')} inputMode="numeric" {...field('inactive')} />
            <p role="status" aria-live="polite">
              {preview.data ? t('count', { matching: preview.data.matching, reachable: preview.data.reachable }) : t('counting')}
            </p>
            {preview.error && <ProblemAlert error={preview.error} />}
            {create.error && <ProblemAlert error={create.error} />}
            <div className="p-row">
              <Button type="submit" variant="primary" busy={create.isPending} disabled={!form.name.trim()}>{t('save')}</Button>
            </div>
          </form>
        </Card>
        <Card title={t('saved')}>
          {segments.isPending ? <Loading /> : segments.error ? <ProblemAlert error={segments.error} /> :
            segments.data.items.length === 0 ? <p className="p-muted">{t('none')}</p> : (
              <ul>{segments.data.items.map((s) => <li key={s.id}>{s.name}</li>)}</ul>
            )}
        </Card>
      </div>
    </>
  )
}
