import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { ApiProblem } from '../../api/problem'
import { usePermissions } from '../../auth/useMyRole'
import { Badge, Button, Card, Checkbox, EmptyState, Loading, Notice, ProblemAlert, TextField } from '../../ui'
import { AddSourceCard } from './AddSourceCard'
import { SearchCard } from './SearchCard'
import { useSaveSettings, useSettings, useSourceAction, useSources, type KnowledgeSource } from './knowledgeData'

const TONES = { ready: 'success', failed: 'danger', indexing: 'primary', pending: 'warning' } as const

/** A bot's knowledge base (docs/llm.md "Knowledge base"): whether answers use it, its sources, a test question. */
export function KnowledgePage() {
  const { t } = useTranslation('knowledge')
  const { botId = '' } = useParams()
  const { canConfigure } = usePermissions()
  return (
    <div className="p-stack">
      <p className="p-muted">{t('description')}</p>
      {!canConfigure && <Notice>{t('readOnly')}</Notice>}
      <SettingsCard botId={botId} canConfigure={canConfigure} />
      {canConfigure && <AddSourceCard botId={botId} />}
      <SourcesCard botId={botId} canConfigure={canConfigure} />
      <SearchCard botId={botId} />
    </div>
  )
}

function SettingsCard({ botId, canConfigure }: { botId: string; canConfigure: boolean }) {
  const { t } = useTranslation('knowledge')
  const stored = useSettings(botId)
  const save = useSaveSettings(botId)
  const [enabled, setEnabled] = useState(false)
  const [topK, setTopK] = useState('4')
  const [minScore, setMinScore] = useState('0')
  useEffect(() => {
    if (stored.data) {
      setEnabled(stored.data.enabled)
      setTopK(String(stored.data.topK))
      setMinScore(String(stored.data.minScore))
    }
  }, [stored.data])
  if (stored.isPending) return <Loading />
  if (stored.error) return <ProblemAlert error={stored.error} onRetry={() => stored.refetch()} />
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.reset()
    save.mutate({ enabled, topK: Number(topK), minScore: Number(minScore) })
  }
  return (
    <Card title={t('settings.title')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        <fieldset className="p-stack" disabled={!canConfigure}>
          <Checkbox label={t('settings.enabled')} checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <TextField label={t('settings.topK')} type="number" min={1} max={10} value={topK} error={errors.topK}
                     onChange={(e) => setTopK(e.target.value)} />
          <TextField label={t('settings.minScore')} type="number" min={0} max={1} step={0.05} value={minScore}
                     hint={t('settings.minScoreHint')} error={errors.minScore} onChange={(e) => setMinScore(e.target.value)} />
        </fieldset>
        {save.error && !(save.error instanceof ApiProblem && Object.keys(errors).length) && <ProblemAlert error={save.error} />}
        {save.isSuccess && <Notice>{t('settings.saved')}</Notice>}
        {canConfigure && <div><Button type="submit" variant="primary" busy={save.isPending}>{t('settings.save')}</Button></div>}
      </form>
    </Card>
  )
}

function SourcesCard({ botId, canConfigure }: { botId: string; canConfigure: boolean }) {
  const { t } = useTranslation('knowledge')
  const sources = useSources(botId)
  const action = useSourceAction(botId)
  if (sources.isPending) return <Loading />
  if (sources.error) return <ProblemAlert error={sources.error} onRetry={() => sources.refetch()} />
  const items = sources.data.items
  return (
    <Card title={t('sources.title')}>
      {action.error && <ProblemAlert error={action.error} />}
      {items.length === 0 ? <EmptyState title={t('sources.empty')}>{t('sources.emptyBody')}</EmptyState> : (
        <div className="p-table-wrap">
          <table className="p-table" aria-label={t('sources.title')}>
            <thead>
              <tr>
                <th scope="col">{t('sources.name')}</th>
                <th scope="col">{t('sources.type')}</th>
                <th scope="col">{t('sources.status')}</th>
                <th scope="col">{t('sources.chunks')}</th>
                {canConfigure && <th scope="col">{t('sources.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((source) => <SourceRow key={source.id} source={source} canConfigure={canConfigure}
                                                onAction={(kind) => action.mutate({ sourceId: source.id, action: kind })} />)}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}

function SourceRow({ source, canConfigure, onAction }: { source: KnowledgeSource; canConfigure: boolean; onAction: (kind: 'reindex' | 'delete') => void }) {
  const { t } = useTranslation('knowledge')
  const status = source.status as keyof typeof TONES
  return (
    <tr>
      <td>{source.title}{source.url && source.url !== source.title && <div className="p-muted">{source.url}</div>}</td>
      <td>{t(`add.kinds.${source.type}`)}</td>
      <td>
        <Badge tone={TONES[status]}>{t(`sources.statuses.${status}`)}</Badge>
        {source.error && <div className="p-field__error">{source.error}</div>}
      </td>
      <td>{source.chunkCount}</td>
      {canConfigure && <td className="p-row">
        <Button size="sm" aria-label={t('sources.reindex', { title: source.title })} onClick={() => onAction('reindex')}>↻</Button>
        <Button size="sm" variant="danger" aria-label={t('sources.remove', { title: source.title })}
                onClick={() => window.confirm(t('sources.confirmRemove', { title: source.title })) && onAction('delete')}>✕</Button>
      </td>}
    </tr>
  )
}
