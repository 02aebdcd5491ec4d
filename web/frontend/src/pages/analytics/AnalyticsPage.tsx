import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Button, Card, Loading, PageHeader, ProblemAlert, SelectField, TextField } from '../../ui'
import { formatMicros } from '../billing/format'
import { useChannelOptions } from '../inbox/channelOptions'
import { BarsChart, LinesChart } from './Chart'
import { CohortHeatMap } from './CohortHeatMap'
import { EngagementCharts } from './EngagementCharts'
import { change, defaults, downloadCsv, num, previous, useFigure, type Figure, type Filters, type Row } from './figures'
import './analytics.css'

const GROUPS = ['hour', 'day', 'week', 'month'] as const

/**
 * The Analytics page: filters kept in the URL, overview cards with trends, charts, cohorts and costs. Its default
 * range ends today in the tenant's time zone, so the figures wait for the tenant.
 */
export function AnalyticsPage() {
  const { t } = useTranslation('analytics')
  const tenant = useQuery({ queryKey: ['tenant'], queryFn: () => unwrap(api.GET('/api/v1/tenant')) })
  if (tenant.isPending) return <Loading />
  if (tenant.error) {
    return (
      <>
        <PageHeader title={t('title')} />
        <ProblemAlert error={tenant.error} onRetry={() => tenant.refetch()} />
      </>
    )
  }
  return <Figures zone={tenant.data.timeZone ?? 'UTC'} />
}

function Figures({ zone }: { zone: string }) {
  const { t } = useTranslation('analytics')
  const [params, setParams] = useSearchParams()
  const base = defaults(zone)
  const filters: Filters = {
    from: params.get('from') ?? base.from,
    to: params.get('to') ?? base.to,
    groupBy: params.get('groupBy') ?? base.groupBy,
    botId: params.get('botId') ?? undefined,
  }
  const set = (name: keyof Filters, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    setParams(next, { replace: true })
  }
  const query = { ...filters }
  const before = previous(filters)
  const { bots } = useChannelOptions()

  const messages = useFigure('messages', query)
  const messagesBefore = useFigure('messages', before)
  const llm = useFigure('llm', query)
  const llmBefore = useFigure('llm', before)
  const latency = useFigure('latency', query)
  const latencyBefore = useFigure('latency', before)
  const containment = useFigure('containment', query)
  const containmentBefore = useFigure('containment', before)
  const active = useFigure('active-contacts', query)
  const retention = useFigure('retention', { ...query, cohort: spanDays(filters) > 60 ? 'week' : 'day' })
  const costsByBot = useFigure('costs', { ...query, by: 'bot' })
  const topContacts = useFigure('costs', { ...query, by: 'contact', limit: 10 })
  const failed = [messages, llm, latency, containment, active, retention].find((q) => q.error)
  const botName = (id: unknown) => bots.find((b) => b.id === id)?.name ?? String(id).slice(0, 8)

  const total = (table: { totals?: Record<string, unknown> | null } | undefined, key: string) => num(table?.totals?.[key])
  const cards: { label: string; value: string; now: number | null; then: number | null }[] = [
    card(t('cards.messagesIn'), total(messages.data, 'messagesIn'), total(messagesBefore.data, 'messagesIn'), String),
    card(t('cards.activeContacts'), total(llm.data, 'activeContacts'), total(llmBefore.data, 'activeContacts'), String),
    card(t('cards.cost'), total(llm.data, 'costMicros'), total(llmBefore.data, 'costMicros'), formatMicros),
    card(t('cards.replyP95'), total(latency.data, 'replyP95'), total(latencyBefore.data, 'replyP95'), (v) => `${v} ms`),
    card(t('cards.contained'), total(containment.data, 'containedShare'), total(containmentBefore.data, 'containedShare'),
      (v) => `${Math.round(v * 100)}%`),
  ]

  const download = (figure: Figure, title: string, extra: Record<string, string | number> = {}) => (
    <Button size="sm" aria-label={t('charts.downloadLabel', { chart: title })}
            onClick={() => downloadCsv(figure, { ...query, ...extra })}>{t('charts.download')}</Button>
  )

  return (
    <>
      <PageHeader title={t('title')} description={t('description', { zone })} />
      <div className="p-stack">
        <div className="analytics-filters">
          <TextField label={t('filters.from')} type="date" value={filters.from} max={filters.to}
                     onChange={(e) => set('from', e.target.value)} />
          <TextField label={t('filters.to')} type="date" value={filters.to} min={filters.from}
                     onChange={(e) => set('to', e.target.value)} />
          <SelectField label={t('filters.groupBy')} value={filters.groupBy} onChange={(e) => set('groupBy', e.target.value)}>
            {GROUPS.map((g) => <option key={g} value={g}>{t(`filters.${g}`)}</option>)}
          </SelectField>
          <SelectField label={t('filters.bot')} value={filters.botId ?? ''} onChange={(e) => set('botId', e.target.value)}>
            <option value="">{t('filters.allBots')}</option>
            {bots.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </SelectField>
        </div>
        {failed && <ProblemAlert error={failed.error} onRetry={() => failed.refetch()} />}
        <div className="analytics-cards">
          {cards.map((c) => {
            const delta = change(c.now, c.then)
            return (
              // a group, not a region: a figure is no landmark (and the "Active contacts" chart is one)
              <div key={c.label} className="analytics-card" role="group" aria-label={c.label}>
                <div className="p-muted">{c.label}</div>
                <div className="analytics-card__value">{c.value}</div>
                <div className="analytics-card__trend p-muted">
                  {delta === null ? t('cards.noPrevious') : t('cards.vsPrevious', { change: `${delta > 0 ? '+' : ''}${delta}%` })}
                </div>
              </div>
            )
          })}
        </div>
        <Card title={t('charts.messages')} actions={download('messages', t('charts.messages'))}>
          <Rows rows={messages.data?.rows}>{(rows) => (
            <LinesChart rows={rows} x="bucket" series={[{ key: 'messagesIn', name: t('charts.messagesIn') },
              { key: 'messagesOut', name: t('charts.messagesOut') }]} />
          )}</Rows>
        </Card>
        <Card title={t('charts.active')} actions={download('active-contacts', t('charts.active'))}>
          <Rows rows={active.data?.rows}>{(rows) => (
            <LinesChart rows={rows} x="day" series={[{ key: 'dau', name: t('charts.dau') },
              { key: 'wau', name: t('charts.wau') }, { key: 'mau', name: t('charts.mau') }]} />
          )}</Rows>
        </Card>
        <Card title={t('charts.latency')} actions={download('latency', t('charts.latency'))}>
          <Rows rows={latency.data?.rows}>{(rows) => (
            <LinesChart rows={rows} x="bucket" series={[{ key: 'replyP50', name: t('charts.p50') },
              { key: 'replyP95', name: t('charts.p95') }, { key: 'replyP99', name: t('charts.p99') }]} />
          )}</Rows>
        </Card>
        <Card title={t('charts.retention')}
              actions={download('retention', t('charts.retention'), { cohort: spanDays(filters) > 60 ? 'week' : 'day' })}>
          <Rows rows={retention.data?.rows}>{(rows) => (
            <CohortHeatMap columns={retention.data?.columns ?? []} rows={rows} />
          )}</Rows>
        </Card>
        <Card title={t('charts.costByBot')} actions={download('costs', t('charts.costByBot'), { by: 'bot' })}>
          <Rows rows={costsByBot.data?.rows}>{(rows) => (
            <BarsChart rows={rows.map((r) => ({ ...r, bot: botName(r.botId), dollars: (num(r.costMicros) ?? 0) / 1e6 }))}
                       x="bot" value="dollars" name={t('charts.costColumn')} />
          )}</Rows>
        </Card>
        <Card title={t('charts.topContacts')} actions={download('costs', t('charts.topContacts'), { by: 'contact', limit: 10 })}>
          <Rows rows={topContacts.data?.rows}>{(rows) => (
            <div className="analytics-scroll">
              <table className="analytics-cohorts">
                <thead><tr><th scope="col">{t('charts.contact')}</th><th scope="col">{t('charts.calls')}</th>
                  <th scope="col">{t('charts.costColumn')}</th></tr></thead>
                <tbody>{rows.map((r) => (
                  <tr key={String(r.contactId)}>
                    <th scope="row">{String(r.contactId).slice(0, 8)}</th>
                    <td>{String(r.llmCalls)}</td><td>{formatMicros(num(r.costMicros) ?? 0)}</td>
                  </tr>
                ))}</tbody>
              </table>
            </div>
          )}</Rows>
        </Card>
        <EngagementCharts query={query} download={download} />
      </div>
    </>
  )
}

function card(label: string, now: number | null, then: number | null, format: (value: number) => string) {
  return { label, now, then, value: now === null ? '–' : format(now) }
}

function spanDays(filters: Filters) {
  return Math.round((Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000) + 1
}

function Rows({ rows, children }: { rows: Row[] | undefined; children: (rows: Row[]) => ReactNode }) {
  const { t } = useTranslation('analytics')
  if (!rows) return null
  if (rows.length === 0) return <p className="p-muted">{t('charts.empty')}</p>
  return <>{children(rows)}</>
}
