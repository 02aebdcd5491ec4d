import { useState, type FormEvent } from 'react'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/problem'
import { safeNext } from '../../auth/safeNext'
import { useAuth } from '../../auth/useAuth'
import { Button, ProblemAlert, TextField } from '../../ui'
import { AuthFrame } from './AuthFrame'

export function SignUpPage() {
  const { t } = useTranslation('auth')
  const { session, signUp } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  // a new account lands on bots (the first thing to set up) unless it came from a link, e.g. an invitation
  const next = params.get('next') ? safeNext(params.get('next')) : '/bots'
  const [form, setForm] = useState({ email: '', password: '', tenantName: '' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  if (session) {
    return <Navigate to={next} replace />
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signUp(form.email.trim(), form.password, form.tenantName.trim())
      navigate(next, { replace: true })
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }
  const fields = error instanceof ApiProblem ? error.fieldErrors : {}
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value })
  return (
    <AuthFrame title={t('signUp.title')} subtitle={t('signUp.subtitle')}
               footer={<>{t('signUp.haveAccount')} <Link to={params.get('next') ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>{t('signUp.toSignIn')}</Link></>}>
      <form className="p-stack" onSubmit={submit} noValidate>
        {error != null && <ProblemAlert error={error} />}
        <TextField label={t('signUp.tenantName')} hint={t('signUp.tenantNameHint')} autoComplete="organization"
                   required value={form.tenantName} error={fields.tenantName} onChange={set('tenantName')} />
        <TextField label={t('email')} type="email" autoComplete="email" required value={form.email}
                   error={fields.email} onChange={set('email')} />
        <TextField label={t('password')} hint={t('signUp.passwordHint')} type="password" autoComplete="new-password"
                   required minLength={10} maxLength={72} value={form.password} error={fields.password}
                   onChange={set('password')} />
        <Button type="submit" variant="primary" block busy={busy}>{t('signUp.submit')}</Button>
      </form>
    </AuthFrame>
  )
}
