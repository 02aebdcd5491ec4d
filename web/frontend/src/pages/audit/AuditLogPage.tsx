import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import { formatDateTime } from '../../format/dates'
import { Button, EmptyState, Loading, PageHeader, ProblemAlert, SelectField, TextField } from '../../ui'
import { download } from '../accesscodes/csv'
import { actionParts, actorName, auditSentence, toCsv, type AuditEntry } from './auditSentence'
import messages from './messages'
import './audit.css'

type Query = { actorId?: string; action?: string; from?: string; to?: string }
const AREAS = Object.keys(messages.en.areas)
/** The CSV holds at most this many pages of 100 (10 000 entries), so a download cannot run forever. */
const CSV_PAGES = 100

/** The start of a local day as an instant; `next` gives the day after (so "to" includes its whole day). */
function dayStart(date: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const day = new Date(`${date}T00:00:00`)
  if (next) day.setDate(day.getDate() + 1)
  return day.toISOString()
}

/**
 * The audit log a person can read: sentences with names ("Ann took over a conversation"), in English or Chinese,
 * filtered by person, area and dates (kept in the URL), and downloadable as CSV with the same filters.
 */
export function AuditLogPage() {
  const { t } = useTranslation('audit')
  const [params, setParams] = useSearchParams()
  const set = (key: string, value: string) => setParams((current) => {
    const next = new URLSearchParams(current)
    if (value) next.set(key, value)
    else next.delete(key)
    return next
  }, { replace: true })
  const members = useQuery({ queryKey: ['members', 'all'], queryFn: () => unwrap(api.GET('/api/v1/members', { params: { query: { limit: 100 } } })) })
  const names = new Map((members.data?.items ?? []).map((m) => [m.userId, m.displayName || m.email]))
  const query: Query = {}
  if (params.get('person')) query.actorId = params.get('person') ?? undefined
  if (params.get('area')) query.action = `${params.get('area')}.`
  const from = dayStart(params.get('from') ?? '')
  const to = dayStart(params.get('to') ?? '', true)
  if (from) query.from = from
  if (to) query.to = to
  const log = useCursorList<AuditEntry>(['audit-log', query], (cursor) =>
    unwrap(api.GET('/api/v1/audit-log', { params: { query: { ...query, cursor, limit: 50 } } })))
  const [exporting, setExporting] = useState(false)
  const exportCsv = async () => {
    setExporting(true)
    try {
      const entries: AuditEntry[] = []
      let cursor: string | undefined
      for (let page = 0; page < CSV_PAGES; page++) {
        const result = await unwrap(api.GET('/api/v1/audit-log', { params: { query: { ...query, cursor, limit: 100 } } }))
        entries.push(...result.items)
        if (!result.nextCursor) break
        cursor = result.nextCursor
      }
      const c = messages.en.csvColumns
      const header = (Object.keys(c) as (keyof typeof c)[]).map((k) => t(`csvColumns.${k}`))
      download('audit-log.csv', toCsv([header, ...entries.map((e) => [e.createdAt, actorName(t, e, names),
        auditSentence(t, e, names), e.action, e.targetType ?? '', e.targetId ?? '', e.ip ?? ''])]))
    } finally {
      setExporting(false)
    }
  }
  const filtered = Object.keys(query).length > 0
  return (
    <>
      <PageHeader title={t('title')} description={t('description')}
                  actions={<Button onClick={() => void exportCsv()} busy={exporting}>{t('csv')}</Button>} />
      <fieldset className="audit-filters">
        <legend className="visually-hidden">{t('filters.label')}</legend>
        <SelectField label={t('filters.person')} value={params.get('person') ?? ''} onChange={(e) => set('person', e.target.value)}>
          <option value="">{t('filters.anyone')}</option>
          {(members.data?.items ?? []).map((m) => <option key={m.userId} value={m.userId}>{m.displayName || m.email}</option>)}
        </SelectField>
        <SelectField label={t('filters.area')} value={params.get('area') ?? ''} onChange={(e) => set('area', e.target.value)}>
          <option value="">{t('filters.everything')}</option>
          {AREAS.filter((a) => a !== 'access_codes').map((a) => <option key={a} value={a}>{t(`areas.${a}`)}</option>)}
        </SelectField>
        <TextField label={t('filters.from')} type="date" value={params.get('from') ?? ''} onChange={(e) => set('from', e.target.value)} />
        <TextField label={t('filters.to')} type="date" value={params.get('to') ?? ''} onChange={(e) => set('to', e.target.value)} />
      </fieldset>
      {log.isPending ? <Loading /> : log.error ? <ProblemAlert error={log.error} onRetry={() => log.refetch()} /> :
        log.items.length === 0 ? <EmptyState title={filtered ? t('noMatch') : t('empty')} /> : (
          <ol className="audit-list" aria-label={t('title')}>
            {log.items.map((entry) => (
              <li key={entry.id} className="audit-entry">
                <span className="audit-entry__what">{auditSentence(t, entry, names)}</span>
                <span className="audit-entry__meta p-muted">
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                  {' · '}{t(`areas.${actionParts(entry.action).thing}`, { defaultValue: entry.action })}
                  {entry.ip ? ` · ${t('ip')} ${entry.ip}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
      {log.hasMore && <div className="audit-more"><Button onClick={() => log.loadMore()} busy={log.loadingMore}>{t('common:actions.loadMore')}</Button></div>}
    </>
  )
}
