import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { Button, Checkbox, SelectField, TextField } from '../../ui'
import { TierFilterField } from '../contacts/TierFilterField'
import { useChannelOptions } from './channelOptions'
import { useInboxCounts } from './conversationData'
import { VIEWS, viewFrom } from './inboxFilters'

const STATUSES = ['open', 'waiting', 'resolved', 'takenOver'] as const

/** The views (needs a person, mine, my teams, unassigned, all), search, bot, channel, status and unread; kept in the URL. */
export function ConversationFilters() {
  const { t } = useTranslation('inbox')
  const [params, setParams] = useSearchParams()
  const { bots, channels } = useChannelOptions()
  const counts = useInboxCounts()
  const [query, setQuery] = useState(params.get('q') ?? '')
  const bot = params.get('bot') ?? ''
  const view = viewFrom(params)
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params)
    Object.entries(changes).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)))
    setParams(next, { replace: true })
  }
  const search = (e: FormEvent) => {
    e.preventDefault()
    set({ q: query.trim() })
  }
  const count = (v: typeof VIEWS[number]) => v === 'needs' ? counts.data?.waiting
    : v === 'mine' ? counts.data?.waitingMine : v === 'teams' ? counts.data?.waitingTeams
      : v === 'unassigned' ? counts.data?.waitingUnassigned : undefined
  return (
    <>
      <nav className="inbox-views" aria-label={t('views.label')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" className="inbox-views__tab" aria-pressed={view === v}
                  onClick={() => set({ view: v === 'needs' ? '' : v })}>
            {t(`views.${v}`)}
            {(count(v) ?? 0) > 0 && <span className="inbox-views__count">{t('views.waitingCount', { count: count(v) })}</span>}
          </button>
        ))}
      </nav>
      <form className="inbox-search" role="search" onSubmit={search}>
        <TextField label={t('search.label')} value={query} maxLength={200} placeholder={t('search.placeholder')}
                   onChange={(e) => setQuery(e.target.value)} />
        <Button size="sm" type="submit">{t('search.submit')}</Button>
      </form>
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
        <TierFilterField value={params.get('tier') ?? ''} onChange={(tier) => set({ tier })} />
        <Checkbox label={t('filters.unreadOnly')} checked={params.get('unread') === '1'}
                  onChange={(e) => set({ unread: e.target.checked ? '1' : '' })} />
      </fieldset>
    </>
  )
}
