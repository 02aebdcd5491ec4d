import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { formatRelative } from '../../format/dates'
import { Badge, Button, EmptyState, Loading, PageHeader, ProblemAlert, SelectField, TextField } from '../../ui'
import { useChannelOptions } from '../inbox/channelOptions'
import { contactName } from './contactName'
import { useContactList, type ContactFilters } from './contactData'
import { TierFilterField } from './TierFilterField'
import './contacts.css'

const SEARCH_DELAY_MS = 300

/** Contacts, newest first, searchable by name or user id (the API's `q`), narrowed by channel and blocked. */
export function ContactsPage() {
  const { t } = useTranslation('contacts')
  const [params, setParams] = useSearchParams()
  const [typed, setTyped] = useState(params.get('q') ?? '')
  const { channels } = useChannelOptions()
  const set = (key: string, value: string) => setParams((current) => {
    const next = new URLSearchParams(current)
    if (value) next.set(key, value)
    else next.delete(key)
    return next
  }, { replace: true })
  // search as the user types, but one request per pause rather than per key
  const searched = params.get('q') ?? ''
  useEffect(() => {
    if (typed.trim() === searched) return
    const timer = setTimeout(() => set('q', typed.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `set` is new each render; it only wraps setParams
  }, [typed, searched])
  const filters: ContactFilters = {}
  const q = params.get('q')
  if (q) filters.q = q
  if (params.get('channel')) filters.channelId = params.get('channel') ?? undefined
  if (params.get('blocked')) filters.blocked = params.get('blocked') === 'true'
  if (params.get('tier')) filters.tier = params.get('tier') ?? undefined
  const list = useContactList(filters)

  return (
    <>
      <PageHeader title={t('title')} description={t('description')}
                  actions={<Link className="p-btn p-btn--secondary" to="/contacts/import">{t('import.open')}</Link>} />
      <div className="p-stack">
        <form role="search" className="contacts-filters" onSubmit={(e) => { e.preventDefault(); set('q', typed.trim()) }}>
          <TextField label={t('list.search')} type="search" value={typed} placeholder={t('list.searchHint')}
                     onChange={(e) => setTyped(e.target.value)} />
          <SelectField label={t('list.channel')} value={params.get('channel') ?? ''} onChange={(e) => set('channel', e.target.value)}>
            <option value="">{t('list.allChannels')}</option>
            {channels.map((c) => <option key={c.id} value={c.id}>{c.name || t(`channelType.${c.type}`)} ({c.botName})</option>)}
          </SelectField>
          <SelectField label={t('list.blocked')} value={params.get('blocked') ?? ''} onChange={(e) => set('blocked', e.target.value)}>
            <option value="">{t('list.any')}</option>
            <option value="true">{t('list.onlyBlocked')}</option>
            <option value="false">{t('list.notBlocked')}</option>
          </SelectField>
          <TierFilterField value={params.get('tier') ?? ''} onChange={(tier) => set('tier', tier)} />
        </form>
        {list.isPending ? <Loading /> : list.error ? <ProblemAlert error={list.error} onRetry={() => list.refetch()} /> :
          list.items.length === 0 ? (
            q ? <EmptyState title={t('list.noMatch', { q })} />
              : Object.keys(filters).length > 0 ? <EmptyState title={t('list.noMatchFilters')} />
                : <EmptyState title={t('list.empty')}>{t('list.emptyHint')}</EmptyState>
          ) : (
            <div className="p-table-wrap">
              <table className="p-table">
                <thead><tr><th>{t('list.name')}</th><th>{t('list.channels')}</th><th>{t('list.tier')}</th><th>{t('list.lastSeen')}</th></tr></thead>
                <tbody>
                  {list.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/contacts/${c.id}`}>{contactName(c, c.identities[0]?.channelType)}</Link>
                        {c.blocked && <> <Badge tone="danger">{t('panel.blocked')}</Badge></>}
                      </td>
                      <td>{[...new Set(c.identities.map((i) => t(`channelType.${i.channelType}`)))].join(', ')}</td>
                      <td>{c.tier}</td>
                      <td>{c.lastSeenAt ? formatRelative(c.lastSeenAt) : t('list.never')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        {list.hasMore && <div><Button busy={list.loadingMore} onClick={() => list.loadMore()}>{t('common:actions.loadMore')}</Button></div>}
      </div>
    </>
  )
}
