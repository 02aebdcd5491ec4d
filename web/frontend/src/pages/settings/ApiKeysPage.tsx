import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import type { components } from '../../api/schema'
import { formatDateTime, formatRelative } from '../../format/dates'
import { Badge, Button, Card, CopyField, Dialog, EmptyState, Loading, Notice, PageHeader, ProblemAlert, SelectField, TextField } from '../../ui'

type ApiKey = components['schemas']['ApiKey']

export function ApiKeysPage() {
  const { t } = useTranslation('settings')
  const queries = useQueryClient()
  const keys = useCursorList<ApiKey>(['api-keys'], (cursor) =>
    unwrap(api.GET('/api/v1/api-keys', { params: { query: { cursor } } })))
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<ApiKey | null>(null)
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{keyId}', { params: { path: { keyId: id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['api-keys'] }),
  })
  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')}
                  actions={<Button variant="primary" onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>} />
      {created?.key && (
        <Card>
          <div className="p-stack">
            <Notice tone="success">{t('apiKeys.secretOnce')}</Notice>
            <CopyField value={created.key} label={t('apiKeys.secretLabel')} />
            <div><Button onClick={() => setCreated(null)}>{t('apiKeys.done')}</Button></div>
          </div>
        </Card>
      )}
      {revoke.error && <ProblemAlert error={revoke.error} />}
      {keys.isPending ? <Loading /> : keys.error ? <ProblemAlert error={keys.error} onRetry={() => keys.refetch()} /> :
        keys.items.length === 0 ? <EmptyState title={t('apiKeys.empty')} /> : (
          <div className="p-table-wrap" style={{ marginTop: 'var(--space-4)' }}>
            <table className="p-table">
              <thead><tr>
                <th>{t('apiKeys.name')}</th><th>{t('apiKeys.prefix')}</th><th>{t('apiKeys.role')}</th>
                <th>{t('apiKeys.created')}</th><th>{t('apiKeys.lastUsed')}</th><th><span className="visually-hidden">{t('apiKeys.revoke')}</span></th>
              </tr></thead>
              <tbody>
                {keys.items.map((key) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td className="p-mono">{key.prefix}…</td>
                    <td>{t(`common:roles.${key.role}`)}</td>
                    <td>{formatDateTime(key.createdAt)}</td>
                    <td>{key.lastUsedAt ? formatRelative(key.lastUsedAt) : t('apiKeys.never')}</td>
                    <td>
                      {key.revokedAt ? <Badge tone="danger">{t('apiKeys.revoked')}</Badge> : (
                        <Button size="sm" variant="danger" busy={revoke.isPending && revoke.variables === key.id}
                                onClick={() => window.confirm(t('apiKeys.confirmRevoke', { name: key.name })) && revoke.mutate(key.id)}>
                          {t('apiKeys.revoke')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {keys.hasMore && <Button onClick={() => keys.loadMore()} busy={keys.loadingMore}>{t('common:actions.loadMore')}</Button>}
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)}
                       onCreated={(key) => { setCreating(false); setCreated(key); void queries.invalidateQueries({ queryKey: ['api-keys'] }) }} />
    </>
  )
}

function CreateKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (key: ApiKey) => void }) {
  const { t } = useTranslation('settings')
  const [name, setName] = useState('')
  const [role, setRole] = useState<'admin' | 'agent' | 'viewer'>('admin')
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/api-keys', { body: { name: name.trim(), role } })),
    onSuccess: (key) => { setName(''); create.reset(); onCreated(key) },
  })
  const fields = create.error instanceof ApiProblem ? create.error.fieldErrors : {}
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate() }
  return (
    <Dialog open={open} onClose={onClose} title={t('apiKeys.create')}>
      <form className="p-stack" onSubmit={submit} noValidate>
        {create.error && !fields.name && <ProblemAlert error={create.error} />}
        <TextField label={t('apiKeys.name')} required maxLength={100} value={name} error={fields.name}
                   onChange={(e) => setName(e.target.value)} placeholder="CRM sync" />
        <SelectField label={t('apiKeys.role')} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
          {(['admin', 'agent', 'viewer'] as const).map((r) => <option key={r} value={r}>{t(`common:roles.${r}`)}</option>)}
        </SelectField>
        <div className="p-dialog__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>{t('apiKeys.createSubmit')}</Button>
        </div>
      </form>
    </Dialog>
  )
}
