import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import { Button, EmptyState, Loading, ProblemAlert } from '../../ui'
import { usePermissions } from '../../auth/useMyRole'
import { AddChannelDialog } from './AddChannelDialog'
import { ChannelCard } from './ChannelCard'
import type { Channel } from './EditChannelDialog'
import './channels.css'

/** A bot's channels as cards, each with what to paste where and a verify button. */
export function ChannelsPage() {
  const { t } = useTranslation('channels')
  const { botId = '' } = useParams()
  const queries = useQueryClient()
  const [adding, setAdding] = useState(false)
  const channels = useCursorList<Channel>(['channels', botId, 'list'], (cursor) =>
    unwrap(api.GET('/api/v1/bots/{botId}/channels', { params: { path: { botId }, query: { cursor } } })))
  const refresh = () => queries.invalidateQueries({ queryKey: ['channels', botId] })
  const { canConfigure } = usePermissions()
  const add = canConfigure && <Button variant="primary" onClick={() => setAdding(true)}>{t('add')}</Button>
  return (
    <div className="p-stack">
      <div className="channel-toolbar">
        <p className="p-muted">{t('description')}</p>
        {add}
      </div>
      {channels.isPending ? <Loading /> : channels.error ? <ProblemAlert error={channels.error} onRetry={() => channels.refetch()} /> :
        channels.items.length === 0 ? (
          <div className="p-card"><EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState></div>
        ) : (
          <div className="channel-list">
            {channels.items.map((channel) => <ChannelCard key={channel.id} channel={channel} onChanged={refresh} />)}
          </div>
        )}
      {channels.hasMore && <div><Button onClick={() => channels.loadMore()} busy={channels.loadingMore}>{t('common:actions.loadMore')}</Button></div>}
      <AddChannelDialog botId={botId} open={adding} onClose={() => setAdding(false)}
                        onAdded={() => { setAdding(false); void refresh() }} />
    </div>
  )
}
