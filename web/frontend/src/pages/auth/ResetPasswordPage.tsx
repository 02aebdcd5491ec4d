import { useState, type FormEvent } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Button, Notice, ProblemAlert, TextField } from '../../ui'
import { AuthFrame } from './AuthFrame'
import { fragmentToken } from './fragmentToken'

/** The link of the password-reset email (/reset-password#token=…): sets a new password, then sign in again. */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth')
  const token = fragmentToken(useLocation().hash)
  const [password, setPassword] = useState('')
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await unwrap(api.POST('/api/v1/auth/reset-password', { body: { token, password } }))
      setDone(true)
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }
  const fields = error instanceof ApiProblem ? error.fieldErrors : {}
  const invalidLink = error instanceof ApiProblem && error.status === 401
  return (
    <AuthFrame title={t('resetPassword.title')}
               footer={<Link to={done ? '/sign-in' : '/forgot-password'}>
                 {done ? t('signIn.submit') : t('resetPassword.askAgain')}</Link>}>
      {!token && <Notice tone="danger">{t('resetPassword.missing')}</Notice>}
      {done && <Notice tone="success">{t('resetPassword.done')}</Notice>}
      {token && !done && (
        <form className="p-stack" onSubmit={submit} noValidate>
          {error != null && (invalidLink
            ? <Notice tone="danger">{t('verifyEmail.failed')}</Notice>
            : <ProblemAlert error={error} />)}
          <TextField label={t('resetPassword.newPassword')} type="password" autoComplete="new-password" required
                     hint={t('signUp.passwordHint')} value={password} error={fields.password}
                     onChange={(e) => setPassword(e.target.value)} />
          <Button type="submit" variant="primary" block busy={busy}>{t('resetPassword.submit')}</Button>
        </form>
      )}
    </AuthFrame>
  )
}
