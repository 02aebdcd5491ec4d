import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { Checkbox, SelectField } from '../../ui'
import { useChannelOptions } from './channelOptions'

const STATUSES = ['open', 'takenOver', 'closed'] as const

/** Bot, channel, status (incl. taken over) and unread; kept in the URL, see filtersFrom. */
export function ConversationFilters() {
  const { t } = useTranslation('inbox')
  const [params, setParams] = useSearchParams()
  const { bots, channels } = useChannelOptions()
  const bot = params.get('bot') ?? ''
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params)
    Object.entries(changes).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)))
    setParams(next, { replace: true })
  }
  return (
    <fieldset className="inbox-filters">
      <legend className="visually-hidden">{t('filters.label')}</legend>
      <SelectField label={t('filters.bot')} value={bot} onChange={(e) => set({ bot: e.target.value, channel: '' })}>
        <option value="">{t('filters.allBots')}</option>
        {bots.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
      </SelectField>
      <SelectField label={t('filters.channel')} value={params.get('channel') ?? ''} onChange={(e) => set({ channel: e.target.value })}>
        <option value="">{t('filters.allChannels')}</option>
        {channels.filter((c) => !bot || c.botId === bot).map((c) => (
          <option key={c.id} value={c.id}>{c.name || t(`contacts:channelType.${c.type}`)}{bot ? '' : ` (${c.botName})`}</option>
        ))}
      </SelectField>
      <SelectField label={t('filters.status')} value={params.get('status') ?? ''} onChange={(e) => set({ status: e.target.value })}>
        <option value="">{t('filters.all')}</option>
        {STATUSES.map((s) => <option key={s} value={s}>{t(`filters.${s}`)}</option>)}
      </SelectField>
      <Checkbox label={t('filters.unreadOnly')} checked={params.get('unread') === '1'}
                onChange={(e) => set({ unread: e.target.checked ? '1' : '' })} />
    </fieldset>
  )
}
