import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import { Badge, Button, EmptyState, Loading, Notice, PageHeader, ProblemAlert, TextField } from '../../ui'
import { CreditDialog } from './CreditDialog'
import { ImpersonateDialog, PlanDialog, SuspendDialog } from './OperatorDialogs'
import { PlatformHealthCard } from './PlatformHealthCard'
import { TENANTS_KEY, type AdminTenant } from './operatorApi'

type Acting = { kind: 'suspend' | 'plan' | 'look' | 'credit'; tenant: AdminTenant } | null

const TONES = { active: 'success', suspended: 'danger', closed: 'warning' } as const

/** Operator: every tenant of the installation with plan, usage and status, and what a platform admin does to them. */
export function OperatorPage() {
  const { t, i18n } = useTranslation('operator')
  const queries = useQueryClient()
  const [search, setSearch] = useState('')
  const [acting, setActing] = useState<Acting>(null)
  const [resumedNote, setResumedNote] = useState<string | null>(null)
  const q = search.trim() || undefined
  const tenants = useCursorList<AdminTenant>([...TENANTS_KEY, q], (cursor) =>
    unwrap(api.GET('/api/v1/admin/tenants', { params: { query: { q, cursor } } })))
  const refresh = () => queries.invalidateQueries({ queryKey: TENANTS_KEY })
  const resume = useMutation({
    mutationFn: (tenant: AdminTenant) => unwrap(api.DELETE('/api/v1/admin/tenants/{id}/suspension',
      { params: { path: { id: tenant.id } } })),
    onSuccess: (resumed) => {
      setResumedNote(t('resumed', { name: resumed.tenant.name, count: resumed.heldTurnsQueued, jobs: resumed.heldJobsQueued }))
      void refresh()
    },
  })
  const done = () => { setActing(null); void refresh() }
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language)
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <PlatformHealthCard />
      <div style={{ maxWidth: '28rem', marginTop: 'var(--space-4)' }}>
        <TextField label={t('search')} hint={t('searchHint')} type="search" value={search}
                   onChange={(e) => setSearch(e.target.value)} />
      </div>
      {resumedNote && <Notice tone="success">{resumedNote}</Notice>}
      {resume.error && <ProblemAlert error={resume.error} />}
      {tenants.isPending ? <Loading /> : tenants.error ? <ProblemAlert error={tenants.error} onRetry={() => tenants.refetch()} /> :
        tenants.items.length === 0 ? <EmptyState title={t('empty')} /> : (
          <div className="p-table-wrap" style={{ marginTop: 'var(--space-4)' }}>
            <table className="p-table">
              <thead><tr>
                <th>{t('columns.name')}</th><th>{t('columns.plan')}</th><th>{t('columns.status')}</th>
                <th>{t('columns.usage')}</th><th>{t('columns.members')}</th><th>{t('columns.created')}</th>
                <th>{t('columns.actions')}</th>
              </tr></thead>
              <tbody>
                {tenants.items.map((tenant) => (
                  <tr key={tenant.id}>
                    <td>{tenant.name}<br /><small>{tenant.ownerEmail}</small></td>
                    <td>{tenant.plan}</td>
                    <td>
                      <Badge tone={TONES[tenant.status]}>{t(`status.${tenant.status}`)}</Badge>
                      {tenant.suspensionReason && <><br /><small>{t('suspendedBecause', { reason: tenant.suspensionReason })}</small></>}
                    </td>
                    <td>{tenant.messagesThisMonth.toLocaleString(i18n.language)}</td>
                    <td>{tenant.members}</td>
                    <td>{date(tenant.createdAt)}</td>
                    <td>
                      {tenant.status === 'suspended'
                        ? <Button size="sm" busy={resume.isPending && resume.variables?.id === tenant.id}
                                  onClick={() => resume.mutate(tenant)}>{t('resume')}</Button>
                        : <Button size="sm" variant="danger" onClick={() => setActing({ kind: 'suspend', tenant })}>{t('suspend')}</Button>}
                      {' '}<Button size="sm" onClick={() => setActing({ kind: 'plan', tenant })}>{t('plan')}</Button>
                      {' '}<Button size="sm" onClick={() => setActing({ kind: 'credit', tenant })}>{t('credit')}</Button>
                      {' '}<Button size="sm" onClick={() => setActing({ kind: 'look', tenant })}>{t('look')}</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {tenants.hasMore && <Button onClick={() => tenants.loadMore()} busy={tenants.loadingMore}>{t('common:actions.loadMore')}</Button>}
      {acting?.kind === 'suspend' && <SuspendDialog tenant={acting.tenant} onClose={() => setActing(null)} onDone={done} />}
      {acting?.kind === 'plan' && <PlanDialog tenant={acting.tenant} onClose={() => setActing(null)} onDone={done} />}
      {acting?.kind === 'credit' && <CreditDialog tenant={acting.tenant} onClose={done} />}
      {acting?.kind === 'look' && <ImpersonateDialog tenant={acting.tenant} onClose={() => setActing(null)} />}
    </>
  )
}
