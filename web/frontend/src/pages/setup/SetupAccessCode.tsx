import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import type { components } from '../../api/schema'
import { Button, Notice, ProblemAlert, TextField } from '../../ui'

type SetupPageData = components['schemas']['SetupPage']

/**
 * The access-code box of the setup page (docs/setup-page.md#access-codes): shown when the contact's bot asks for a
 * code. A refused code is explained next to the field (the API's localized problem); too many wrong codes (429) above
 * it. Once redeemed the page says so; the grants show in the fields below when the page is read again.
 */
export function SetupAccessCode({ token, page }: { token: string; page: SetupPageData }) {
  const { t } = useTranslation('setup')
  const queries = useQueryClient()
  const [code, setCode] = useState('')
  const redeem = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/public/setup/{token}/access-code', {
      params: { path: { token } }, body: { code: code.trim() },
    })),
    onSuccess: (data) => queries.setQueryData(['setup', token], data),
  })
  if (!page.accessCodeAsked) return null
  if (page.accessCodeRedeemed) {
    return <Notice tone="success">{t(redeem.isSuccess ? 'accessCode.accepted' : 'accessCode.active')}</Notice>
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    redeem.mutate()
  }
  const fieldError = redeem.error instanceof ApiProblem ? redeem.error.fieldErrors.code : undefined
  return (
    <form className="p-stack" onSubmit={submit} noValidate aria-labelledby="setup-code-title">
      <h2 id="setup-code-title" className="p-muted">{t('accessCode.title')}</h2>
      {redeem.error != null && fieldError == null && <ProblemAlert error={redeem.error} />}
      <TextField label={t('accessCode.label')} hint={t('accessCode.hint')} value={code} maxLength={100}
                 autoComplete="off" error={fieldError} onChange={(e) => setCode(e.target.value)} />
      <div><Button type="submit" busy={redeem.isPending} disabled={code.trim() === ''}>{t('accessCode.submit')}</Button></div>
    </form>
  )
}
