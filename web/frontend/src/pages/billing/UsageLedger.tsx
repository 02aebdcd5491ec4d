import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Card, EmptyState, Loading, Notice, ProblemAlert, TextField } from '../../ui'
import { formatMicros } from './format'

type Counts = components['schemas']['UsageCounts']

const thisMonth = () => new Date().toISOString().slice(0, 7)

/** The usage ledger of a month: totals, per bot and per channel, and the models used without a price. */
export function UsageLedger() {
  const { t } = useTranslation('billing')
  const [period, setPeriod] = useState(thisMonth)
  const ledger = useQuery({
    queryKey: ['usage-ledger', period],
    queryFn: () => unwrap(api.GET('/api/v1/billing/usage', { params: { query: { period } } })),
  })
  const data = ledger.data
  const unpriced = data?.unpricedModels.filter((model) => !model.pricedNow) ?? []
  return (
    <Card title={t('ledger.title')}>
      <div className="billing-ledger__period">
        <TextField label={t('ledger.month')} type="month" value={period} max={thisMonth()}
                   onChange={(event) => event.target.value && setPeriod(event.target.value)} />
      </div>
      {ledger.isPending ? <Loading /> : ledger.error ? <ProblemAlert error={ledger.error} onRetry={() => ledger.refetch()} /> : data && (
        <div className="p-stack">
          {unpriced.length > 0 && (
            <Notice tone="danger">
              {t('ledger.unpriced', { count: unpriced.length, models: unpriced.map((model) => model.model).join(', ') })}
            </Notice>
          )}
          <dl className="billing-ledger__totals">
            <Total label={t('ledger.answeredMessages')} value={data.totals.answeredMessages.toLocaleString()} />
            <Total label={t('ledger.llmCalls')} value={data.totals.llmCalls.toLocaleString()} />
            <Total label={t('ledger.tokens')} value={t('ledger.inOut', {
              input: data.totals.inputTokens.toLocaleString(), output: data.totals.outputTokens.toLocaleString() })} />
            <Total label={t('ledger.llmCost')} value={formatMicros(data.totals.llmCostMicros)} />
            <Total label={t('ledger.broadcastRecipients')} value={data.totals.broadcastRecipients.toLocaleString()} />
          </dl>
          {data.byBot.length === 0 ? <EmptyState title={t('ledger.empty')} /> : (
            <>
              <LedgerTable caption={t('ledger.byBot')} rows={data.byBot.map((row) => ({
                key: row.botId, name: row.botName ?? t('ledger.deletedBot'), usage: row.usage }))} />
              <LedgerTable caption={t('ledger.byChannel')} rows={data.byChannel.map((row) => ({
                key: `${row.botId}:${row.channelId ?? '-'}`,
                name: row.channelId == null ? t('ledger.noChannel')
                  : `${row.channelName ?? t('ledger.deletedChannel')}${row.channelType ? ` (${row.channelType})` : ''}`,
                usage: row.usage }))} />
            </>
          )}
          <p className="p-muted">{t('ledger.broadcastsNote')}</p>
        </div>
      )}
    </Card>
  )
}

function Total({ label, value }: { label: string; value: string }) {
  return <div className="billing-ledger__total"><dt className="p-muted">{label}</dt><dd>{value}</dd></div>
}

function LedgerTable({ caption, rows }: { caption: string; rows: { key: string; name: string; usage: Counts }[] }) {
  const { t } = useTranslation('billing')
  return (
    <div className="p-table-wrap">
      <table className="p-table">
        <caption>{caption}</caption>
        <thead><tr>
          <th>{t('ledger.name')}</th><th>{t('ledger.answeredMessages')}</th><th>{t('ledger.llmCalls')}</th>
          <th>{t('ledger.tokens')}</th><th>{t('ledger.llmCost')}</th>
        </tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.name}</td>
              <td>{row.usage.answeredMessages.toLocaleString()}</td>
              <td>{row.usage.llmCalls.toLocaleString()}</td>
              <td>{t('ledger.inOut', { input: row.usage.inputTokens.toLocaleString(), output: row.usage.outputTokens.toLocaleString() })}</td>
              <td>
                {formatMicros(row.usage.llmCostMicros)}
                {row.usage.unpricedLlmCalls > 0 && <span className="p-muted"> {t('ledger.plusUnpriced', { count: row.usage.unpricedLlmCalls })}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
