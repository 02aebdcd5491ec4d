import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Checkbox } from '../../ui'
import { devicePushState, disableDevicePush, enableDevicePush, type DevicePushState } from './devicePush'

/**
 * "Notifications on this device": Web Push for the signed-in member in this workspace, on or off. `compact` (the
 * inbox) shows nothing on a browser without Push, where the settings page explains why.
 */
export function DevicePushToggle({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('webpush')
  const [state, setState] = useState<DevicePushState | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    devicePushState().then((s) => { if (live) setState(s) }, () => { if (live) setState('off') })
    return () => { live = false }
  }, [])
  if (state === null) return null
  if (state === 'unsupported') return compact ? null : <span className="p-muted">{t('unsupported')}</span>
  const change = async () => {
    setBusy(true)
    setFailed(false)
    try {
      setState(state === 'on' ? await disableDevicePush() : await enableDevicePush())
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="webpush-device">
      <Checkbox label={t('device')} title={t('deviceHint')} checked={state === 'on'} disabled={busy || state === 'denied'}
                onChange={() => void change()} />
      {state === 'denied' && <span className="p-muted">{t('denied')}</span>}
      {failed && <span role="alert" className="p-muted">{t('failed')}</span>}
    </span>
  )
}
