import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { inboxKeys } from '../../api/inboxKeys'
import { unwrap } from '../../api/problem'
import { useIsAgent } from '../../auth/useMyRole'
import { Button, ProblemAlert } from '../../ui'
import type { Message } from './conversationData'

/** A reply still queued after this long is stuck: its send job is retrying (the provider is down or slow). */
export const STUCK_AFTER_MS = 2 * 60 * 1000

const STATUS_TONE: Record<string, string> = { failed: 'danger', read: 'success', delivered: 'success' }

/**
 * An outbound message's delivery: its status, why it failed and a **Send again** for agents, or that it is still
 * not sent while the send is retried — so a reply never looks "Queued" forever without saying so.
 */
export function DeliveryStatus({ conversationId, message: m, now = Date.now() }: {
  conversationId: string
  message: Message
  now?: number
}) {
  const { t } = useTranslation('inbox')
  const isAgent = useIsAgent()
  const queries = useQueryClient()
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/conversations/{conversationId}/messages/{messageId}/retry', {
      params: { path: { conversationId, messageId: m.id } },
    })),
    onSettled: () => {
      void queries.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) })
      void queries.invalidateQueries({ queryKey: inboxKeys.lists })
    },
  })
  const stuck = m.status === 'queued' && now - Date.parse(m.createdAt) > STUCK_AFTER_MS
  return (
    <>
      <span className={`inbox-msg__status inbox-msg__status--${stuck ? 'warning' : STATUS_TONE[m.status] ?? 'plain'}`}>
        {' · '}{stuck ? t('delivery.stuck') : t(`status.${m.status}`)}
        {m.status === 'failed' && m.statusDetail ? `: ${m.statusDetail}` : ''}
      </span>
      {m.status === 'failed' && isAgent && (
        <Button size="sm" variant="ghost" busy={retry.isPending} onClick={() => retry.mutate()}
                aria-label={t('delivery.retryLabel', { text: (m.text ?? '').slice(0, 40) })}>
          {t('delivery.retry')}
        </Button>
      )}
      {retry.error && <ProblemAlert error={retry.error} />}
    </>
  )
}
