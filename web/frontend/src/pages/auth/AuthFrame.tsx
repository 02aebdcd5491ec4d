import type { ReactNode } from 'react'
import { usePageTitle } from '../../ui/usePageTitle'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage, type Language } from '../../i18n'
import './auth.css'

interface FrameProps { title: string; subtitle?: string; tagline?: string; children: ReactNode; footer?: ReactNode }

/**
 * The signed-out pages' frame: brand, a centred card, the language switch (before anyone signs in). Contacts see it
 * too (the setup page), with a tagline of their own.
 */
export function AuthFrame({ title, subtitle, tagline, children, footer }: FrameProps) {
  const { t, i18n } = useTranslation('auth')
  usePageTitle(title)
  return (
    <div className="auth">
      <main className="auth__card p-card">
        <div className="auth__brand"><img src="/favicon.svg" alt="" width={32} height={32} /> Parley</div>
        <p className="p-muted auth__tagline">{tagline ?? t('tagline')}</p>
        <h1 className="auth__title">{title}</h1>
        {subtitle && <p className="p-muted">{subtitle}</p>}
        {children}
        {footer && <p className="auth__footer">{footer}</p>}
      </main>
      {/* a footer landmark: all of the page is in a landmark, so a screen reader's landmark list reaches it (axe "region") */}
      <footer className="auth__footnotes">
        <p className="auth__links p-muted">
          <a href="/swagger-ui/index.html">{t('apiDocs')}</a>
        </p>
        <div className="auth__language">
          <label htmlFor="auth-language" className="visually-hidden">{t('common:account.language')}</label>
          <select id="auth-language" className="p-select" value={i18n.language}
                  onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.label}</option>)}
          </select>
        </div>
      </footer>
    </div>
  )
}
