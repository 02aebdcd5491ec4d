import { useEffect, useRef, useState } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { useAuth } from '../../auth/useAuth'
import { Loading, Notice } from '../../ui'
import { AuthFrame } from './AuthFrame'
import { fragmentToken } from './fragmentToken'

type State = 'checking' | 'done' | 'failed' | 'missing'

/** The link of the verification email (/verify-email#token=…): spends the token once, signed in or not. */
export function VerifyEmailPage() {
  const { t } = useTranslation('auth')
  const { session } = useAuth()
  const queryClient = useQueryClient()
  const token = fragmentToken(useLocation().hash)
  const [state, setState] = useState<State>(token ? 'checking' : 'missing')
  const sent = useRef(false)

  useEffect(() => {
    if (!token || sent.current) {
      return
    }
    sent.current = true // once, even when React runs effects twice: the token works once
    unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } }))
      .then(() => {
        setState('done')
        void queryClient.invalidateQueries({ queryKey: ['me'] })
      })
      .catch(() => setState('failed'))
  }, [token, queryClient])

  const next = session ? <Link to="/inbox">{t('verifyEmail.toDashboard')}</Link>
    : <Link to="/sign-in">{t('signIn.submit')}</Link>
  return (
    <AuthFrame title={t('verifyEmail.title')} footer={state === 'checking' ? undefined : next}>
      {state === 'checking' && <Loading label={t('verifyEmail.checking')} />}
      {state === 'done' && <Notice tone="success">{t('verifyEmail.done')}</Notice>}
      {state === 'failed' && <Notice tone="danger">{t('verifyEmail.failed')}</Notice>}
      {state === 'missing' && <Notice tone="danger">{t('verifyEmail.missing')}</Notice>}
    </AuthFrame>
  )
}
