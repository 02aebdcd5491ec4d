import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge, Button, Card, Checkbox, Loading, PageHeader, ProblemAlert, SelectField, TextAreaField, TextField } from '../../ui'
import { useChannelOptions } from '../inbox/channelOptions'
import { useSegmentPreview, useSegments } from '../segments/segmentData'
import { useBroadcastAction, useBroadcasts, useRecipients, useSendBroadcast, type Action, type Broadcast, type BroadcastCreate } from './broadcastData'
import { EstimateView } from './EstimateView'

interface Form { name: string; segmentId: string; channelIds: string[]; text: string; template: string; language: string; at: string; quietStart: string; quietEnd: string }
const EMPTY: Form = { name: '', segmentId: '', channelIds: [], text: '', template: '', language: 'en_US', at: '', quietStart: '', quietEnd: '' }
const PLACEHOLDER = '{{contact.displayName}}'

/** The request the API takes from the composer's fields. */
function requestOf(form: Form): BroadcastCreate {
  return {
    name: form.name.trim(), segmentId: form.segmentId, channelIds: form.channelIds,
    message: {
      parts: [{ type: 'text', text: form.text }],
      ...(form.template.trim() ? { template: { name: form.template.trim(), language: form.language.trim() } } : {}),
    },
    ...(form.quietStart && form.quietEnd ? { quietHours: { start: form.quietStart, end: form.quietEnd } } : {}),
  }
}

/** Composer (segment, channels, message, schedule, preview, reach), then each broadcast's live progress and recipients. */
export function BroadcastsPage() {
  const { t } = useTranslation('broadcasts')
  const [form, setForm] = useState<Form>(EMPTY)
  const [open, setOpen] = useState<string>()
  const [overQuota, setOverQuota] = useState(false)
  const segments = useSegments()
  const { channels } = useChannelOptions()
  const sendable = channels.filter((c) => c.type !== 'web')
  const chosen = segments.data?.items.find((s) => s.id === form.segmentId)
  const reach = useSegmentPreview({ ...(chosen?.definition ?? {}), ...(form.channelIds.length ? { channelIds: form.channelIds } : {}) })
  const send = useSendBroadcast()
  const broadcasts = useBroadcasts()
  const field = (name: keyof Form) => ({
    value: form[name] as string,
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  })
  const types = [...new Set(sendable.filter((c) => form.channelIds.includes(c.id)).map((c) => c.type))]
  const ready = form.name.trim() && form.segmentId && form.channelIds.length > 0 && form.text.trim()

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="p-stack">
        <Card title={t('composer')}>
          <form className="p-stack" onSubmit={(e) => {
            e.preventDefault()
            send.mutate({ body: requestOf(form), scheduledAt: form.at ? new Date(form.at).toISOString() : undefined },
              { onSuccess: () => setForm(EMPTY) })
          }}>
            <TextField label={t('name')} required {...field('name')} />
            <SelectField label={t('segment')} {...field('segmentId')}>
              <option value="">{t('chooseSegment')}</option>
              {segments.data?.items.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </SelectField>
            <fieldset className="p-stack"><legend>{t('channels')}</legend>
              {sendable.map((c) => (
                <Checkbox key={c.id} label={`${c.name || c.type} (${c.botName})`} checked={form.channelIds.includes(c.id)}
                  onChange={(e) => setForm((f) => ({ ...f, channelIds: e.target.checked
                    ? [...f.channelIds, c.id] : f.channelIds.filter((id) => id !== c.id) }))} />
              ))}
            </fieldset>
            <TextAreaField label={t('text')} placeholder={t('textHint', { placeholder: PLACEHOLDER, interpolation: { escapeValue: false } })} {...field('text')} />
            {types.includes('whatsapp') && <>
              <TextField label={t('template')} {...field('template')} />
              <TextField label={t('templateLanguage')} {...field('language')} />
            </>}
            <TextField label={t('schedule')} type="datetime-local" {...field('at')} />
            <div className="p-row">
              <TextField label={t('quietStart')} type="time" {...field('quietStart')} />
              <TextField label={t('quietEnd')} type="time" {...field('quietEnd')} />
            </div>
            {types.map((type) => (
              <p key={type} className="p-muted">{t('preview', { channel: type })}: {form.text.split(PLACEHOLDER).join('…')}</p>
            ))}
            {form.segmentId && reach.data && <p role="status">{t('reach', { reachable: reach.data.reachable, matching: reach.data.matching })}</p>}
            <EstimateView segmentId={form.segmentId} channelIds={form.channelIds}
              template={form.template.trim() && types.includes('whatsapp') ? { name: form.template.trim(), language: form.language.trim() } : undefined}
              onOverQuota={setOverQuota} />
            {send.error && <ProblemAlert error={send.error} />}
            <div className="p-row">
              <Button type="submit" variant="primary" busy={send.isPending} disabled={!ready || overQuota}>{t('send')}</Button>
            </div>
          </form>
        </Card>
        <Card title={t('sent')}>
          {broadcasts.isPending ? <Loading /> : broadcasts.error ? <ProblemAlert error={broadcasts.error} /> :
            broadcasts.data.items.length === 0 ? <p className="p-muted">{t('none')}</p> : (
              <ul className="p-stack">{broadcasts.data.items.map((b) => (
                <BroadcastRow key={b.id} broadcast={b} open={open === b.id} onOpen={() => setOpen(open === b.id ? undefined : b.id)} />
              ))}</ul>
            )}
        </Card>
      </div>
    </>
  )
}

const ACTIONS: Record<string, Action[]> = {
  scheduled: ['pause', 'cancel'], running: ['pause', 'cancel'], paused: ['resume', 'cancel'], completed: ['retry-failed'],
}

function BroadcastRow({ broadcast: b, open, onOpen }: { broadcast: Broadcast; open: boolean; onOpen: () => void }) {
  const { t } = useTranslation('broadcasts')
  const action = useBroadcastAction()
  const s = b.stats.byStatus
  return (
    <li className="p-stack">
      <div className="p-row"><strong>{b.name}</strong> <Badge>{t(`states.${b.state}`)}</Badge></div>
      <progress aria-label={t('progress', { name: b.name })} max={100} value={b.stats.progressPercent} />
      <span>{t('percent', { percent: b.stats.progressPercent })}</span>
      <span className="p-muted">{t('stats', { sent: s.sent ?? 0, delivered: s.delivered ?? 0, read: s.read ?? 0, failed: s.failed ?? 0, optedOut: b.stats.optedOut })}</span>
      {b.state === 'paused' && b.stateReason && <p role="alert">{t('reason', { reason: b.stateReason })}</p>}
      {action.error && <ProblemAlert error={action.error} />}
      <div className="p-row">
        {(ACTIONS[b.state] ?? []).map((a) => (
          <Button key={a} busy={action.isPending} onClick={() => action.mutate({ id: b.id, action: a })}>{t(`actions.${a}`)}</Button>
        ))}
        <Button onClick={onOpen}>{t('show')}</Button>
      </div>
      {open && <RecipientTable id={b.id} />}
    </li>
  )
}

function RecipientTable({ id }: { id: string }) {
  const { t } = useTranslation('broadcasts')
  const [status, setStatus] = useState('')
  const recipients = useRecipients(id, status)
  return (
    <div className="p-stack">
      <SelectField label={t('status')} value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="">{t('allStatuses')}</option>
        {Object.keys(t('statuses', { returnObjects: true }) as Record<string, string>).map((k) => <option key={k} value={k}>{t(`statuses.${k}`)}</option>)}
      </SelectField>
      {recipients.error && <ProblemAlert error={recipients.error} />}
      <table aria-label={t('recipients')}>
        <thead><tr><th>{t('contact')}</th><th>{t('status')}</th><th>{t('failure')}</th></tr></thead>
        <tbody>{recipients.data?.items.map((r) => (
          <tr key={r.id}><td>{r.externalUserId}</td><td>{t(`statuses.${r.status}`)}</td><td>{r.reason ?? ''}</td></tr>
        ))}</tbody>
      </table>
    </div>
  )
}
