import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'

/** The sign-in provider list (public), shared by the sign-in page and the sign-in methods settings. */
export function useSignInProviders() {
  return useQuery({
    queryKey: ['sign-in-providers'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/oauth/providers')),
    staleTime: 5 * 60_000,
    retry: false,
  })
}

/**
 * "Sign in with …" for each configured provider. A full-page navigation (not fetch): the API redirects the browser
 * to the provider and sets the cookie binding the attempt to this browser.
 */
export function ProviderButtons() {
  const { t } = useTranslation('auth')
  const providers = useSignInProviders()
  const items = providers.data?.items ?? []
  if (items.length === 0) {
    return null
  }
  return (
    <div className="p-stack">
      {items.map((p) => (
        <a key={p.id} className="p-btn p-btn--secondary p-btn--block"
           href={`/api/v1/auth/oauth/${encodeURIComponent(p.id)}/start`}>
          {t('providers.signInWith', { name: p.name })}
        </a>
      ))}
      <p className="auth-or" style={{ textAlign: 'center', margin: 0 }}>{t('providers.or')}</p>
    </div>
  )
}
