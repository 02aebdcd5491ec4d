import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { formatMicros } from '../billing/format'
import { num, useFigure } from './figures'
import './analytics.css'

/** A bot's own key figures of the last 30 days, on its page; nothing while they load or when they cannot be read. */
export function BotFigures({ botId }: { botId: string }) {
  const { t } = useTranslation('analytics')
  const query = { botId } // no range: the API's default, the 30 days ending today in the tenant's time zone
  const messages = useFigure('messages', query)
  const llm = useFigure('llm', query)
  const latency = useFigure('latency', query)
  if (!messages.data || !llm.data || !latency.data) return null
  const total = (totals: Record<string, unknown> | null | undefined, key: string) => num(totals?.[key])
  const p95 = total(latency.data.totals, 'replyP95')
  const stats = [
    [t('cards.messagesIn'), String(total(messages.data.totals, 'messagesIn') ?? 0)],
    [t('cards.activeContacts'), String(total(llm.data.totals, 'activeContacts') ?? 0)],
    [t('cards.cost'), formatMicros(total(llm.data.totals, 'costMicros') ?? 0)],
    [t('cards.replyP95'), p95 === null ? '–' : `${p95} ms`],
  ]
  return (
    <section className="analytics-bot" aria-label={t('bot.title')}>
      <dl className="analytics-bot__stats">
        {stats.map(([label, value]) => (
          <div key={label}><dt className="p-muted">{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      <Link to={`/analytics?botId=${encodeURIComponent(botId)}`}>{t('bot.open')}</Link>
    </section>
  )
}
