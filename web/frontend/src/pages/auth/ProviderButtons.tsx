import { useTranslation } from 'react-i18next'
import { useSignInProviders } from './useSignInProviders'

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
