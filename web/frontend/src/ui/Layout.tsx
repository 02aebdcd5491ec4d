import type { ReactNode } from 'react'
import { usePageTitle } from './usePageTitle'

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  usePageTitle(title)
  return (
    <header className="p-page-header">
      <div className="p-page-header__text">
        <h1>{title}</h1>
        {description && <p className="p-muted">{description}</p>}
      </div>
      {actions && <div className="p-row">{actions}</div>}
    </header>
  )
}

export function Card({ title, children, actions }: { title?: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="p-card" aria-label={title}>
      {(title || actions) && (
        <div className="p-row p-card__title" style={{ justifyContent: 'space-between' }}>
          {title && <h2 style={{ fontSize: 'var(--text-lg)' }}>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  )
}
