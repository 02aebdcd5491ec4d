import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { Button, ProblemAlert } from '../../ui'
import './auth.css'

/**
 * "Check your inbox" above every signed-in page while the user's email is unverified and Parley requires it (it then
 * refuses invitations, billing changes and API keys), with a button to resend the email.
 */
export function VerifyEmailBanner() {
  const { t } = useTranslation('auth')
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) })
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle')
  const [error, setError] = useState<unknown>(null)
  const user = me.data?.user
  if (!user || user.emailVerified || !user.emailVerificationRequired) {
    return null
  }
  const resend = async () => {
    setState('busy')
    setError(null)
    try {
      await unwrap(api.POST('/api/v1/auth/verify-email/resend'))
      setState('sent')
    } catch (problem) {
      setError(problem)
      setState('idle')
    }
  }
  return (
    <div className="p-card verify-banner" role="status">
      <p>{t('verifyEmail.banner', { email: user.email })}</p>
      {error != null && <ProblemAlert error={error} />}
      {state === 'sent' ? <p className="p-muted">{t('verifyEmail.resent')}</p>
        : <Button size="sm" busy={state === 'busy'} onClick={resend}>{t('verifyEmail.resend')}</Button>}
    </div>
  )
}
