import { useState, type FormEvent } from 'react'
import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, Notice, ProblemAlert, TextField } from '../../ui'
import { AuthFrame } from './AuthFrame'

/** Asks for a password-reset email. The API answers the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth')
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await unwrap(api.POST('/api/v1/auth/forgot-password', { body: { email: email.trim() } }))
      setSentTo(email.trim())
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }
  const fields = error instanceof ApiProblem ? error.fieldErrors : {}
  return (
    <AuthFrame title={t('forgotPassword.title')} subtitle={sentTo ? undefined : t('forgotPassword.intro')}
               footer={<Link to="/sign-in">{t('providers.backToSignIn')}</Link>}>
      {sentTo ? <Notice tone="success">{t('forgotPassword.sent', { email: sentTo })}</Notice> : (
        <form className="p-stack" onSubmit={submit} noValidate>
          {error != null && <ProblemAlert error={error} />}
          <TextField label={t('email')} type="email" autoComplete="email" required value={email}
                     error={fields.email} onChange={(e) => setEmail(e.target.value)} />
          <Button type="submit" variant="primary" block busy={busy}>{t('forgotPassword.submit')}</Button>
        </form>
      )}
    </AuthFrame>
  )
}
