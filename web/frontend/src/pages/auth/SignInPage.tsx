import { useState, type FormEvent } from 'react'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { safeNext } from '../../auth/safeNext'
import { useAuth } from '../../auth/useAuth'
import { Button, ProblemAlert, TextField } from '../../ui'
import { AuthFrame } from './AuthFrame'
import { ProviderButtons } from './ProviderButtons'

export function SignInPage() {
  const { t } = useTranslation('auth')
  const { session, signIn } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  if (session) {
    return <Navigate to={safeNext(params.get('next'))} replace />
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(email.trim(), password)
      navigate(safeNext(params.get('next')), { replace: true })
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }
  const fields = error instanceof ApiProblem ? error.fieldErrors : {}
  return (
    <AuthFrame title={t('signIn.title')}
               footer={<>{t('signIn.noAccount')} <Link to={params.get('next') ? `/sign-up?next=${encodeURIComponent(safeNext(params.get('next')))}` : '/sign-up'}>{t('signIn.toSignUp')}</Link></>}>
      <ProviderButtons />
      <form className="p-stack" onSubmit={submit} noValidate>
        {error != null && <ProblemAlert error={error} />}
        <TextField label={t('email')} type="email" autoComplete="email" required value={email}
                   error={fields.email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('password')} type="password" autoComplete="current-password" required value={password}
                   error={fields.password} onChange={(e) => setPassword(e.target.value)} />
        <Button type="submit" variant="primary" block busy={busy}>{t('signIn.submit')}</Button>
        <Link to="/forgot-password">{t('forgotPassword.link')}</Link>
      </form>
    </AuthFrame>
  )
}
