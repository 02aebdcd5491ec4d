import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { useMyRole } from '../../auth/useMyRole'
import { formatDateTime } from '../../format/dates'
import { Button, Card, Checkbox, EmptyState, Loading, Notice, PageHeader, ProblemAlert } from '../../ui'
import { useSignInProviders } from '../auth/useSignInProviders'

/** The user's password and linked provider accounts (link, unlink), and for owners the workspace's SSO requirement. */
export function SignInMethodsPage() {
  const { t } = useTranslation('settings')
  const queries = useQueryClient()
  const [params] = useSearchParams()
  const providers = useSignInProviders()
  const methods = useQuery({ queryKey: ['sign-in-methods'], queryFn: () => unwrap(api.GET('/api/v1/auth/identities')) })
  const link = useMutation({
    mutationFn: (provider: string) => unwrap(api.POST('/api/v1/auth/oauth/{provider}/link', {
      params: { path: { provider } },
    })),
    onSuccess: (start) => window.location.assign(start.authorizationUrl),
  })
  const unlink = useMutation({
    mutationFn: (identityId: string) => unwrap(api.DELETE('/api/v1/auth/identities/{identityId}', {
      params: { path: { identityId } },
    })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['sign-in-methods'] }),
  })
  const names = new Map((providers.data?.items ?? []).map((p) => [p.id, p.name]))
  const linked = params.get('linked')
  const identities = methods.data?.identities ?? []
  const onlyWay = methods.data ? !methods.data.hasPassword && identities.length === 1 : false
  const linkable = (providers.data?.items ?? []).filter((p) => !identities.some((i) => i.provider === p.id))
  return (
    <>
      <PageHeader title={t('signIn.title')} description={t('signIn.description')} />
      {linked && <Notice tone="success">{t('signIn.linkedNow', { provider: names.get(linked) ?? linked })}</Notice>}
      {(link.error || unlink.error) && <ProblemAlert error={link.error ?? unlink.error} />}
      {methods.isPending ? <Loading /> : methods.error ? <ProblemAlert error={methods.error} onRetry={() => methods.refetch()} /> : (
        <div className="p-stack">
          <Card title={t('signIn.password')}>
            <p>{methods.data.hasPassword ? t('signIn.passwordSet') : t('signIn.passwordNone')}</p>
          </Card>
          <Card title={t('signIn.linked')}>
            {identities.length === 0 ? <EmptyState title={t('signIn.none')} /> : (
              <ul className="p-stack" style={{ listStyle: 'none', padding: 0 }}>
                {identities.map((identity) => (
                  <li key={identity.id}>
                    <strong>{names.get(identity.provider) ?? identity.provider}</strong>
                    {identity.email && <> · {identity.email}</>}
                    {' · '}{t('signIn.since', { date: formatDateTime(identity.linkedAt) })}{' '}
                    {onlyWay ? <em>{t('signIn.lastWay')}</em> : (
                      <Button size="sm" variant="danger" busy={unlink.isPending && unlink.variables === identity.id}
                              onClick={() => window.confirm(t('signIn.confirmUnlink', { provider: names.get(identity.provider) ?? identity.provider }))
                                && unlink.mutate(identity.id)}>
                        {t('signIn.unlink')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <div className="p-stack">
              {linkable.map((p) => (
                <div key={p.id}>
                  <Button busy={link.isPending && link.variables === p.id} onClick={() => link.mutate(p.id)}>
                    {t('signIn.link', { name: p.name })}
                  </Button>
                </div>
              ))}
            </div>
          </Card>
          <SsoPolicy />
        </div>
      )}
    </>
  )
}

function SsoPolicy() {
  const { t } = useTranslation('settings')
  const queries = useQueryClient()
  const role = useMyRole()
  const policy = useQuery({ queryKey: ['sign-in-policy'], queryFn: () => unwrap(api.GET('/api/v1/tenant/sign-in-policy')) })
  const save = useMutation({
    mutationFn: (ssoRequired: boolean) => unwrap(api.PUT('/api/v1/tenant/sign-in-policy', { body: { ssoRequired } })),
    onSuccess: (data) => queries.setQueryData(['sign-in-policy'], data),
  })
  if (role !== 'owner' || !policy.data) {
    return null
  }
  return (
    <Card title={t('signIn.sso')}>
      {save.error && <ProblemAlert error={save.error} />}
      <Checkbox label={t('signIn.ssoHint')} checked={policy.data.ssoRequired} disabled={save.isPending}
                onChange={(e) => save.mutate(e.target.checked)} />
    </Card>
  )
}
