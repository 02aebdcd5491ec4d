import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiProblem, unwrap } from '../../api/problem'
import { Loading, ProblemAlert } from '../../ui'
import { AuthFrame } from '../auth/AuthFrame'
import { SetupAccessCode } from './SetupAccessCode'
import { SetupForm } from './SetupForm'

/**
 * The contact's persona setup page (/setup/{token}), opened from a link the bot sent. No sign-in: the signed token is
 * the credential. A link that is altered or expired (401) or of a blocked contact (403) gets an explanation of what
 * to do, not an error code.
 */
export function SetupPage() {
  const { t } = useTranslation('setup')
  const { token = '' } = useParams()
  const page = useQuery({
    queryKey: ['setup', token],
    queryFn: () => unwrap(api.GET('/api/v1/public/setup/{token}', { params: { path: { token } } })),
    retry: false,
  })
  const problem = page.error instanceof ApiProblem ? page.error : null
  if (problem?.status === 401 || problem?.status === 403) {
    const kind = problem.status === 401 ? 'invalid' : 'blocked'
    return (
      <AuthFrame title={t(`${kind}.title`)} tagline={t('tagline')}>
        <p>{t(`${kind}.body`)}</p>
        {problem.detail && <p className="p-muted">{problem.detail}</p>}
      </AuthFrame>
    )
  }
  return (
    <AuthFrame title={t('title')} tagline={t('tagline')}>
      {page.isPending ? <Loading /> : page.error ? <ProblemAlert error={page.error} onRetry={() => page.refetch()} />
        : <div className="p-stack">
          <SetupAccessCode token={token} page={page.data} />
          <SetupForm token={token} page={page.data} />
        </div>}
    </AuthFrame>
  )
}
