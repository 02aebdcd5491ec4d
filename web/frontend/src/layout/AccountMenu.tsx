import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client'
import { unwrap } from '../api/problem'
import { useAuth } from '../auth/useAuth'
import { LANGUAGES, setLanguage, type Language } from '../i18n'
import { Button } from '../ui'

/** Who is signed in, the workspace switch (every tenant the user belongs to), the language switch, sign out. */
export function AccountMenu() {
  const { t, i18n } = useTranslation()
  const { session, switchTenant, signOut } = useAuth()
  const navigate = useNavigate()
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) })
  const memberships = me.data?.memberships ?? []
  return (
    <div className="shell-account">
      <label className="p-field__label" htmlFor="tenant-switch">{t('account.tenant')}</label>
      <select id="tenant-switch" className="p-select" value={session?.tenant?.id ?? ''}
              disabled={memberships.length < 2}
              onChange={async (e) => { await switchTenant(e.target.value); navigate('/inbox') }}>
        {memberships.length === 0 && session?.tenant && <option value={session.tenant.id}>{session.tenant.name}</option>}
        {memberships.map((m) => <option key={m.tenantId} value={m.tenantId}>{m.tenantName}</option>)}
      </select>
      <label className="p-field__label" htmlFor="language-switch">{t('account.language')}</label>
      <select id="language-switch" className="p-select" value={i18n.language}
              onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.label}</option>)}
      </select>
      <p className="p-muted shell-account__email" title={session?.user.email}>{session?.user.email}</p>
      <Button variant="ghost" size="sm" onClick={async () => { await signOut(); navigate('/sign-in') }}>
        {t('account.signOut')}
      </Button>
    </div>
  )
}
