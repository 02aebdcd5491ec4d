import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { Button, Checkbox } from '../../ui'
import { useAlertSettings } from './attention'
import { DevicePushToggle } from '../webpush/DevicePushToggle'

/**
 * Below the list's views: play a sound, allow browser notifications while a tab is open, and Web Push on this device
 * (notifications with Parley closed), when a conversation needs a person.
 */
export function InboxAlerts() {
  const { t } = useTranslation('inbox')
  const alerts = useAlertSettings()
  return (
    <div className="inbox-alerts">
      <Checkbox label={t('attention.sound')} checked={alerts.sound} onChange={alerts.toggleSound} />
      {alerts.permission === 'default' && (
        <Button size="sm" variant="ghost" onClick={() => void alerts.askPermission()}>{t('attention.allow')}</Button>
      )}
      {alerts.permission === 'denied' && <span className="p-muted">{t('attention.denied')}</span>}
      <DevicePushToggle compact />
      <Link to="/settings/canned-replies">{t('canned.title')}</Link>
    </div>
  )
}

/** The count on the nav's Inbox link (also sets the tab title and alerts; see useInboxAttention). */
export function InboxNavCount({ count }: { count: number }) {
  const { t } = useTranslation('inbox')
  if (count <= 0) return null
  return (
    <span className="shell-nav__count">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('attention.navCount', { count })}</span>
    </span>
  )
}
