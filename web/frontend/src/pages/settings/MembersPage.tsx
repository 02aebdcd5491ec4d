import { useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { useCursorList } from '../../api/useCursorList'
import type { components } from '../../api/schema'
import { useAuth } from '../../auth/useAuth'
import { formatDateTime } from '../../format/dates'
import { Button, Card, CopyField, Loading, Notice, PageHeader, ProblemAlert, SelectField, TextField } from '../../ui'

type Member = components['schemas']['Member']
type Invitation = components['schemas']['Invitation']
const ROLES = ['owner', 'admin', 'agent', 'viewer'] as const

export function MembersPage() {
  const { t } = useTranslation('settings')
  const { session, signOut } = useAuth()
  const navigate = useNavigate()
  const queries = useQueryClient()
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) })
  const myRole = me.data?.memberships.find((m) => m.tenantId === session?.tenant?.id)?.role
  const canManage = myRole === 'owner' || myRole === 'admin'
  const members = useCursorList<Member>(['members'], (cursor) =>
    unwrap(api.GET('/api/v1/members', { params: { query: { cursor } } })))
  const changeRole = useMutation({
    mutationFn: (v: { userId: string; role: string }) =>
      unwrap(api.PATCH('/api/v1/members/{userId}', { params: { path: { userId: v.userId } }, body: { role: v.role } })),
    onSettled: () => queries.invalidateQueries({ queryKey: ['members'] }),
  })
  const remove = useMutation({
    mutationFn: (userId: string) => unwrap(api.DELETE('/api/v1/members/{userId}', { params: { path: { userId } } })),
    onSuccess: async (_, userId) => {
      if (userId === session?.user.id) {
        await signOut()
        navigate('/sign-in')
      } else {
        await queries.invalidateQueries({ queryKey: ['members'] })
      }
    },
  })
  const error = changeRole.error ?? remove.error
  return (
    <>
      <PageHeader title={t('members.title')} description={t('members.description')} />
      <div className="p-stack">
        {error && <ProblemAlert error={error} />}
        {members.isPending ? <Loading /> : members.error ? <ProblemAlert error={members.error} onRetry={() => members.refetch()} /> : (
          <div className="p-table-wrap">
            <table className="p-table">
              <thead><tr><th>{t('members.email')}</th><th>{t('members.role')}</th><th>{t('members.joined')}</th><th><span className="visually-hidden">{t('members.remove')}</span></th></tr></thead>
              <tbody>
                {members.items.map((m) => {
                  const self = m.userId === session?.user.id
                  return (
                    <tr key={m.userId}>
                      <td>{m.displayName ? `${m.displayName} · ` : ''}{m.email}{self && <span className="p-muted"> ({t('members.you')})</span>}</td>
                      <td>
                        {canManage && !self ? (
                          <select className="p-select" aria-label={`${t('members.role')}: ${m.email}`} value={m.role}
                                  onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value })}>
                            {ROLES.map((r) => <option key={r} value={r}>{t(`common:roles.${r}`)}</option>)}
                          </select>
                        ) : t(`common:roles.${m.role}`)}
                      </td>
                      <td>{formatDateTime(m.joinedAt)}</td>
                      <td>
                        {(canManage || self) && (
                          <Button size="sm" variant="danger"
                                  onClick={() => window.confirm(t('members.confirmRemove', { email: m.email })) && remove.mutate(m.userId)}>
                            {self ? t('members.leave') : t('members.remove')}
                          </Button>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="p-muted" style={{ fontSize: 'var(--text-sm)' }}>{t('members.roleHelp')}</p>
        {canManage && <Invitations />}
      </div>
    </>
  )
}

function Invitations() {
  const { t } = useTranslation('settings')
  const queries = useQueryClient()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState('agent')
  const [sent, setSent] = useState<Invitation | null>(null)
  const pending = useQuery({ queryKey: ['invitations'], queryFn: () => unwrap(api.GET('/api/v1/invitations')) })
  const invite = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/invitations', { body: { email: email.trim(), role } })),
    onSuccess: (created) => { setSent(created); setEmail(''); void queries.invalidateQueries({ queryKey: ['invitations'] }) },
  })
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/invitations/{invitationId}', { params: { path: { invitationId: id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['invitations'] }),
  })
  const fields = invite.error instanceof ApiProblem ? invite.error.fieldErrors : {}
  const submit = (e: FormEvent) => { e.preventDefault(); setSent(null); invite.mutate() }
  return (
    <Card title={t('members.invite')}>
      <div className="p-stack">
        <form className="p-row" onSubmit={submit} noValidate style={{ alignItems: 'flex-end' }}>
          <div style={{ flex: '2 1 240px' }}>
            <TextField label={t('members.email')} type="email" required value={email} error={fields.email}
                       onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div style={{ flex: '1 1 140px' }}>
            <SelectField label={t('members.role')} value={role} onChange={(e) => setRole(e.target.value)}>
              {ROLES.map((r) => <option key={r} value={r}>{t(`common:roles.${r}`)}</option>)}
            </SelectField>
          </div>
          <Button type="submit" variant="primary" busy={invite.isPending}>{t('members.inviteSubmit')}</Button>
        </form>
        {invite.error && !fields.email && <ProblemAlert error={invite.error} />}
        {sent?.acceptUrl && (
          <Notice tone="success">
            <div className="p-stack" style={{ gap: 'var(--space-2)' }}>
              {t('members.inviteLink', { email: sent.email })}
              <CopyField value={sent.acceptUrl} label={sent.email} />
            </div>
          </Notice>
        )}
        {pending.data && pending.data.items.length > 0 && (
          <>
            <h3>{t('members.pending')}</h3>
            <ul className="p-stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 'var(--space-2)' }}>
              {pending.data.items.map((inv) => (
                <li key={inv.id} className="p-row" style={{ justifyContent: 'space-between' }}>
                  <span>{inv.email} · {t(`common:roles.${inv.role}`)} · <span className="p-muted">{t('members.expires')} {formatDateTime(inv.expiresAt)}</span></span>
                  <Button size="sm" variant="ghost" onClick={() => revoke.mutate(inv.id)}>{t('members.revoke')}</Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Card>
  )
}
