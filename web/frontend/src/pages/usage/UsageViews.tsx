import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Badge } from '../../ui'
import i18n from '../../i18n'
import { formatMicros } from '../billing/format'

type MessageUsage = components['schemas']['MessageUsage']

/** A call costs fractions of a cent: below one cent, three significant digits ($0.000111) instead of $0.00. */
function formatCost(micros: number): string {
  if (micros === 0 || micros >= 10_000) return formatMicros(micros)
  return new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 })
    .format(micros / 1_000_000)
}

/** Under a bot message: the LLM call behind it; an unpriced model says "no price", never $0. */
export function MessageUsageLine({ usage }: { usage: MessageUsage }) {
  const { t } = useTranslation('usage')
  return (
    <span className="usage-line">
      {' · '}
      {t('message', { model: usage.model, input: usage.promptTokens, output: usage.completionTokens,
        seconds: (usage.latencyMs / 1000).toFixed(1) })}
      {' · '}
      {usage.unpriced || usage.costMicros == null
        ? <span title={t('noPriceHint')}><Badge tone="warning">{t('noPrice')}</Badge></span>
        : formatCost(usage.costMicros)}
    </span>
  )
}

/** In the thread's header: the conversation's LLM totals, with a warning when some calls had no price. */
export function ConversationUsageLine({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('usage')
  const usage = useQuery({
    queryKey: ['conversation-usage', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{conversationId}/usage',
      { params: { path: { conversationId } } })),
  })
  if (!usage.data || usage.data.calls === 0) return null
  const u = usage.data
  return (
    <p className="p-muted usage-totals" aria-label={t('label')}>
      {t('totals', { calls: u.calls, input: u.promptTokens, output: u.completionTokens, cost: formatCost(u.costMicros) })}
      {u.unpricedCalls > 0 && <> · <span title={t('noPriceHint')}><Badge tone="warning">{t('totalsUnpriced', { count: u.unpricedCalls })}</Badge></span></>}
    </p>
  )
}
