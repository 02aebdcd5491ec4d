import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import { formatRelative } from '../../format/dates'
import { Badge, Button, Dialog, EmptyState, Loading, PageHeader, ProblemAlert, TextField } from '../../ui'
import { usePermissions } from '../../auth/useMyRole'
import { OnboardingChecklist } from '../onboarding/OnboardingChecklist'
import { StatusBadge } from './StatusBadge'
import type { Bot } from './botForm'
import './bots.css'

/** The tenant's bots as cards, newest first, with "New bot". */
export function BotsPage() {
  const { t } = useTranslation('bots')
  const [creating, setCreating] = useState(false)
  const bots = useCursorList<Bot>(['bots'], (cursor) => unwrap(api.GET('/api/v1/bots', { params: { query: { cursor } } })))
  const { canConfigure } = usePermissions()
  const create = canConfigure ? <Button variant="primary" onClick={() => setCreating(true)}>{t('list.create')}</Button> : undefined
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} actions={create} />
      <OnboardingChecklist />
      {bots.isPending ? <Loading /> : bots.error ? <ProblemAlert error={bots.error} onRetry={() => bots.refetch()} /> :
        bots.items.length === 0 ? (
          // one "New bot" on the page (in the header), so it has one accessible name to find
          <div className="p-card"><EmptyState title={t('list.empty')}>{t('list.emptyBody')}</EmptyState></div>
        ) : (
          <ul className="bot-cards">
            {bots.items.map((bot) => (
              <li key={bot.id}>
                <Link to={`/bots/${bot.id}`} className="bot-card p-card">
                  <span className="bot-card__head">
                    <span className="bot-card__avatar" aria-hidden="true">{bot.name.slice(0, 1).toUpperCase()}</span>
                    <span className="bot-card__name">{bot.name}</span>
                    <StatusBadge status={bot.status} />
                  </span>
                  <span className="p-muted bot-card__persona">{bot.persona || '—'}</span>
                  <span className="bot-card__meta p-muted">
                    {bot.llm.answeredBy === 'demo'
                      ? <Badge tone="warning">{t('list.demoBadge')}</Badge>
                      : <span>{t('list.model')}: {bot.llm.model ?? t('list.platformModel')}</span>}
                    <span>{t('list.updated')} {formatRelative(bot.updatedAt)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      {bots.hasMore && <Button onClick={() => bots.loadMore()} busy={bots.loadingMore}>{t('common:actions.loadMore')}</Button>}
      <CreateBotDialog open={creating} onClose={() => setCreating(false)} />
    </>
  )
}

/** Only the name is needed to start; everything else has defaults and is set on the bot's page. */
function CreateBotDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('bots')
  const navigate = useNavigate()
  const queries = useQueryClient()
  const [name, setName] = useState('')
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots', { body: { name: name.trim() } })),
    onSuccess: (bot) => {
      queries.setQueryData(['bot', bot.id], bot)
      void queries.invalidateQueries({ queryKey: ['bots'] })
      navigate(`/bots/${bot.id}`)
    },
  })
  const fields = create.error instanceof ApiProblem ? create.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate()
  }
  return (
    <Dialog open={open} onClose={onClose} title={t('list.create')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        {create.error && !fields.name && <ProblemAlert error={create.error} />}
        <TextField label={t('list.name')} hint={t('list.nameHint', { placeholder: '{{bot.name}}' })} required maxLength={100}
                   value={name} error={fields.name} placeholder={t('list.namePlaceholder')} autoFocus
                   onChange={(e) => setName(e.target.value)} />
        <div className="p-dialog__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>{t('list.createSubmit')}</Button>
        </div>
      </form>
    </Dialog>
  )
}
