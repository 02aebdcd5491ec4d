import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import type { components } from '../../api/schema'
import { usePermissions } from '../../auth/useMyRole'
import { formatDateTime } from '../../format/dates'
import { Badge, Button, Card, EmptyState, Loading, Notice, ProblemAlert, TextField } from '../../ui'
import { GenerateForm } from './GenerateForm'
import { batchCsv, download } from './csv'

type Batch = components['schemas']['AccessCodeBatch']
type Created = components['schemas']['AccessCodeBatchCreated']

/** A bot's access codes: generate a batch (codes shown once, CSV download), list batches, find and revoke codes. */
export function AccessCodesPage() {
  const { t } = useTranslation('accesscodes')
  const { botId = '' } = useParams()
  const queries = useQueryClient()
  const { canConfigure } = usePermissions()
  const key = ['access-code-batches', botId]
  const batches = useCursorList<Batch>(key, (cursor) => unwrap(api.GET('/api/v1/bots/{botId}/access-codes/batches',
    { params: { path: { botId }, query: { cursor } } })))
  const [generating, setGenerating] = useState(false)
  const [created, setCreated] = useState<Created | null>(null)
  const revoke = useMutation({
    mutationFn: (batchId: string) => unwrap(api.DELETE('/api/v1/bots/{botId}/access-codes/batches/{batchId}',
      { params: { path: { botId, batchId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: key }),
  })
  return (
    <div className="p-stack">
      <div className="flow-toolbar">
        <p className="p-muted">{t('description')}</p>
        {canConfigure && !generating && <Button variant="primary" onClick={() => setGenerating(true)}>{t('generate')}</Button>}
      </div>
      {!canConfigure && <Notice>{t('readOnly')}</Notice>}
      {generating && <GenerateForm botId={botId} onCancel={() => setGenerating(false)} onCreated={(batch) => {
        setGenerating(false)
        setCreated(batch)
        void queries.invalidateQueries({ queryKey: key })
      }} />}
      {created && <NewCodes created={created} onDone={() => setCreated(null)} />}
      {revoke.error && <ProblemAlert error={revoke.error} />}
      <Card title={t('batches')}>
        {batches.isPending ? <Loading /> : batches.error ? <ProblemAlert error={batches.error} onRetry={() => batches.refetch()} /> :
          batches.items.length === 0 ? <EmptyState title={t('empty')}>{t('emptyBody')}</EmptyState> : (
            <div className="p-table-wrap">
              <table className="p-table">
                <thead><tr>
                  <th>{t('name')}</th><th>{t('codes')}</th><th>{t('uses')}</th><th>{t('expires')}</th><th>{t('created')}</th>
                  <th><span className="visually-hidden">{t('revoke')}</span></th>
                </tr></thead>
                <tbody>
                  {batches.items.map((batch) => (
                    <tr key={batch.id}>
                      <td>{batch.name}</td>
                      <td>{batch.count} × {batch.maxUses}</td>
                      <td>{batch.uses}</td>
                      <td>{batch.expiresAt ? formatDateTime(batch.expiresAt) : t('never')}</td>
                      <td>{formatDateTime(batch.createdAt)}</td>
                      <td>
                        {batch.revokedAt ? <Badge tone="danger">{t('revoked')}</Badge> : canConfigure ? (
                          <Button size="sm" variant="danger" aria-label={t('revokeBatch', { name: batch.name })}
                                  busy={revoke.isPending && revoke.variables === batch.id}
                                  onClick={() => window.confirm(t('confirmRevokeBatch', { name: batch.name })) && revoke.mutate(batch.id)}>
                            {t('revoke')}
                          </Button>
                        ) : <Badge tone="success">{t('active')}</Badge>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        {batches.hasMore && <Button onClick={() => batches.loadMore()} busy={batches.loadingMore}>{t('common:actions.loadMore')}</Button>}
      </Card>
      <Lookup botId={botId} batches={batches.items} canRevoke={canConfigure} onRevoked={() => queries.invalidateQueries({ queryKey: key })} />
    </div>
  )
}

function NewCodes({ created, onDone }: { created: Created; onDone: () => void }) {
  const { t } = useTranslation('accesscodes')
  const { batch, codes } = created
  return (
    <Card title={t('newCodes')}>
      <div className="p-stack">
        <Notice tone="success">{t('shownOnce')}</Notice>
        <textarea className="p-mono" readOnly aria-label={t('codesLabel')} rows={Math.min(codes.length, 10)} value={codes.join('\n')} />
        <div className="flow-toolbar">
          <Button variant="primary" onClick={() => download(`access-codes-${batch.id}.csv`,
            batchCsv(codes, batch.name, batch.maxUses, batch.expiresAt))}>{t('downloadCsv')}</Button>
          <Button onClick={onDone}>{t('done')}</Button>
        </div>
      </div>
    </Card>
  )
}

function Lookup({ botId, batches, canRevoke, onRevoked }: { botId: string; batches: Batch[]; canRevoke: boolean; onRevoked: () => void }) {
  const { t } = useTranslation('accesscodes')
  const [code, setCode] = useState('')
  const find = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/bots/{botId}/access-codes/lookup', { params: { path: { botId } }, body: { code } })),
  })
  const revoke = useMutation({
    mutationFn: (codeId: string) => unwrap(api.DELETE('/api/v1/bots/{botId}/access-codes/{codeId}', { params: { path: { botId, codeId } } })),
    onSuccess: () => { find.mutate(); onRevoked() },
  })
  const submit = (e: FormEvent) => { e.preventDefault(); if (code.trim()) find.mutate() }
  const notFound = find.error instanceof ApiProblem && find.error.status === 404
  const found = find.data
  return (
    <Card title={t('lookup')}>
      <form className="p-stack" onSubmit={submit}>
        <TextField label={t('lookup')} hint={t('lookupHint')} value={code} maxLength={100} autoComplete="off"
                   onChange={(e) => setCode(e.target.value)} placeholder="K7QM-2XRT-94HP" />
        <div><Button type="submit" busy={find.isPending}>{t('lookupSubmit')}</Button></div>
        {notFound ? <Notice tone="danger">{t('notFound')}</Notice> : find.error && <ProblemAlert error={find.error} />}
        {found && !find.isPending && (
          <div className="p-stack">
            <p role="status">{t('codeStatus', { batch: batches.find((b) => b.id === found.batchId)?.name ?? found.batchId,
              status: t(`status.${found.status}`), uses: found.uses, maxUses: found.maxUses })}</p>
            {canRevoke && found.status !== 'revoked' && (
              <div><Button variant="danger" size="sm" busy={revoke.isPending}
                           onClick={() => window.confirm(t('confirmRevokeCode')) && revoke.mutate(found.id)}>{t('revokeCode')}</Button></div>
            )}
          </div>
        )}
      </form>
    </Card>
  )
}
