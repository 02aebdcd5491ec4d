import { useEffect, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { sessionStore } from '../../api/session'
import { Loading, Notice, ProblemAlert } from '../../ui'
import { AuthFrame } from './AuthFrame'

const REASONS = ['state', 'id_token', 'email_not_verified', 'provider', 'denied', 'already_linked']

/**
 * Where the API's provider callback lands: `#code=…` (exchanged once for tokens with a POST), `#linked=<provider>`
 * (back to the sign-in methods) or `#error=<reason>`. The fragment is wiped from the address bar at once.
 */
export function ProviderCallbackPage() {
  const { t } = useTranslation('auth')
  const navigate = useNavigate()
  const queries = useQueryClient()
  const [fragment] = useState(() => new URLSearchParams(window.location.hash.replace(/^#/, '')))
  const [failure, setFailure] = useState<unknown>(null)
  const started = useRef(false)
  const code = fragment.get('code')
  const linked = fragment.get('linked')
  const error = fragment.get('error')

  useEffect(() => {
    if (started.current) {
      return
    }
    started.current = true
    window.history.replaceState(null, '', window.location.pathname)
    if (linked) {
      navigate(`/settings/sign-in?linked=${encodeURIComponent(linked)}`, { replace: true })
    } else if (code) {
      unwrap(api.POST('/api/v1/auth/oauth/exchange', { body: { code } }))
        .then((tokens) => {
          sessionStore.write(tokens)
          queries.clear()
          navigate('/', { replace: true })
        })
        .catch(setFailure)
    }
  }, [code, linked, navigate, queries])

  if (!error && !failure && (code || linked)) {
    return <AuthFrame title={t('providers.finishing')}><Loading /></AuthFrame>
  }
  const reason = error && REASONS.includes(error) ? error : 'unknown'
  return (
    <AuthFrame title={t('providers.failed')} footer={<Link to="/sign-in">{t('providers.backToSignIn')}</Link>}>
      {failure ? <ProblemAlert error={failure} /> : <Notice tone="danger">{t(`providers.errors.${reason}`)}</Notice>}
    </AuthFrame>
  )
}
