import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/useAuth'
import { Button, Card, Checkbox, PageHeader } from '../../ui'
import { useAlertSettings } from '../inbox/attention'
import { DevicePushToggle } from './DevicePushToggle'

/** The member's own notification settings: Web Push on this device, and the in-tab sound and notifications. */
export function MyNotificationsPage() {
  const { t } = useTranslation('webpush')
  const inbox = useTranslation('inbox').t
  const { session } = useAuth()
  const alerts = useAlertSettings()
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="p-stack">
        <Card title={t('thisDevice')}>
          <p className="p-muted">{t('deviceHint')}</p>
          <DevicePushToggle />
        </Card>
        <Card title={t('inTab')}>
          <div className="p-stack">
            <Checkbox label={inbox('attention.sound')} checked={alerts.sound} onChange={alerts.toggleSound} />
            {alerts.permission === 'default' && (
              <Button size="sm" variant="ghost" onClick={() => void alerts.askPermission()}>{inbox('attention.allow')}</Button>
            )}
            {alerts.permission === 'denied' && <span className="p-muted">{inbox('attention.denied')}</span>}
          </div>
        </Card>
        <Card title={t('email')}>
          <p className="p-muted">{t('emailHint', { email: session?.user.email ?? '' })}</p>
        </Card>
      </div>
    </>
  )
}
