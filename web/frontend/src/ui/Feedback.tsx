import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../api/problem'
import { Button } from './Button'

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return <div className="p-loading" role="status"><span className="p-spinner" aria-hidden="true" />{label ?? t('state.loading')}</div>
}

/** What went wrong, in the server's words when it said (problem `detail`), with a retry when one makes sense. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const message = error instanceof ApiProblem ? (error.detail ?? error.title) : t('state.error')
  return (
    <div className="p-alert p-alert--danger p-row" role="alert">
      <span style={{ flex: 1 }}>{message}</span>
      {error instanceof ApiProblem && error.kind === 'plan-limit-reached' && (
        <a className="p-btn p-btn--secondary p-btn--sm" href="/billing">{t('state.planLimit')}</a>
      )}
      {onRetry && <Button size="sm" onClick={onRetry}>{t('actions.retry')}</Button>}
    </div>
  )
}

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning' | 'danger'; children: ReactNode }) {
  return <div className={`p-alert p-alert--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>{children}</div>
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="p-empty">
      <span className="p-empty__title">{title}</span>
      {children && <p>{children}</p>}
      {action}
    </div>
  )
}

export function Badge({ tone, children }: { tone?: 'success' | 'danger' | 'warning' | 'primary'; children: ReactNode }) {
  return <span className={`p-badge${tone ? ` p-badge--${tone}` : ''}`}>{children}</span>
}
