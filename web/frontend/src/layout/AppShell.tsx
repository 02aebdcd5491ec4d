import { useState } from 'react'
import { NavLink, Outlet } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { useTenantEvents } from '../api/useTenantEvents'
import { AccountMenu } from './AccountMenu'
import { NotificationBell } from '../pages/notifications/NotificationBell'
import { InboxNavCount } from '../pages/inbox/InboxAlerts'
import { useInboxAttention } from '../pages/inbox/attention'
import { NavIcon, type IconName } from './NavIcon'
import { VerifyEmailBanner } from '../pages/auth/VerifyEmailBanner'
import { OperatorNav } from '../pages/operator/OperatorNav'
import { useMyRole } from '../auth/useMyRole'
import './shell.css'

const NAV = [
  { to: '/inbox', key: 'nav.inbox', icon: 'inbox' },
  { to: '/bots', key: 'nav.bots', icon: 'bot' },
  { to: '/contacts', key: 'nav.contacts', icon: 'contacts' },
  { to: '/analytics', key: 'nav.analytics', icon: 'chart' },
  { to: '/segments', key: 'nav.segments', icon: 'contacts' },
  { to: '/broadcasts', key: 'nav.broadcasts', icon: 'inbox' },
] as const
const SETTINGS = [
  { to: '/settings/members', key: 'nav.members', icon: 'members' },
  { to: '/settings/teams', key: 'nav.teams', icon: 'members', notForViewers: true }, // the API answers viewers 403
  { to: '/settings/api-keys', key: 'nav.apiKeys', icon: 'key' },
  { to: '/settings/sign-in', key: 'nav.signInMethods', icon: 'key' },
  { to: '/settings/notifications', key: 'nav.myNotifications', icon: 'bell' },
  { to: '/settings/audit-log', key: 'nav.auditLog', icon: 'log' },
  { to: '/settings/alerts', key: 'nav.alerts', icon: 'bell' },
  { to: '/billing', key: 'nav.billing', icon: 'billing' },
] as const

/** The signed-in frame: sidebar navigation (a menu button below 768 px), account menu, the page. */
export function AppShell() {
  const { t } = useTranslation()
  const [menuOpen, setMenuOpen] = useState(false)
  useTenantEvents() // one live stream per signed-in tab, whichever page is open
  const waiting = useInboxAttention() // conversations that need a person: nav count, tab title, alerts
  const viewer = useMyRole() === 'viewer'
  const link = (item: { to: string; key: string; icon: IconName }) => (
    <li key={item.to}>
      <NavLink to={item.to} className="shell-nav__link" onClick={() => setMenuOpen(false)}>
        <span className="shell-nav__icon"><NavIcon name={item.icon} /></span>{t(item.key)}
        {item.to === '/inbox' && <InboxNavCount count={waiting} />}
      </NavLink>
    </li>
  )
  return (
    <div className="shell">
      <a href="#main" className="shell-skip">{t('nav.skip')}</a>
      <aside className={`shell-sidebar${menuOpen ? ' shell-sidebar--open' : ''}`}>
        <div className="shell-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('appName')}</span>
          <NotificationBell />
          <button type="button" className="shell-menu-button" aria-expanded={menuOpen} aria-controls="shell-nav"
                  onClick={() => setMenuOpen((o) => !o)}>
            {t('nav.menu')}
          </button>
        </div>
        <nav id="shell-nav" className="shell-nav" aria-label={t('nav.main')}>
          <ul>{NAV.map(link)}</ul>
          <p className="shell-nav__section">{t('nav.settings')}</p>
          <ul>{SETTINGS.filter((item) => !(viewer && 'notForViewers' in item)).map(link)}</ul>
          <OperatorNav onNavigate={() => setMenuOpen(false)} />
        </nav>
        <AccountMenu />
      </aside>
      <main id="main" className="shell-main" tabIndex={-1}>
        <VerifyEmailBanner />
        <Outlet />
      </main>
    </div>
  )
}
