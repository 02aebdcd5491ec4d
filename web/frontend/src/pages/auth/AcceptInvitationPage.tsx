import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { useAuth } from '../../auth/useAuth'
import { Button, ProblemAlert } from '../../ui'
import { AuthFrame } from './AuthFrame'

/**
 * The link in an invitation (/invitations/accept?token=…). The API accepts only for the signed-in user whose email
 * was invited, so a signed-out visitor signs in (or up) first and comes back here.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation('auth')
  const { session, switchTenant } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`

  const accept = async () => {
    setBusy(true)
    setError(null)
    try {
      const membership = await unwrap(api.POST('/api/v1/invitations/accept', { body: { token } }))
      await switchTenant(membership.tenantId)
      navigate('/inbox', { replace: true })
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  if (!session) {
    return (
      <AuthFrame title={t('invitation.title')} subtitle={t('invitation.signInFirst')}
                 footer={<>{t('signIn.noAccount')} <Link to={`/sign-up?next=${encodeURIComponent(here)}`}>{t('signIn.toSignUp')}</Link></>}>
        <Link className="p-btn p-btn--primary p-btn--block" to={`/sign-in?next=${encodeURIComponent(here)}`}>{t('signIn.submit')}</Link>
      </AuthFrame>
    )
  }
  return (
    <AuthFrame title={t('invitation.title')} subtitle={t('invitation.as', { email: session.user.email })}
               footer={<Link to="/inbox">{t('invitation.notNow')}</Link>}>
      {error != null && <ProblemAlert error={error} />}
      <Button variant="primary" block busy={busy} disabled={!token} onClick={accept}>{t('invitation.accept')}</Button>
    </AuthFrame>
  )
}
