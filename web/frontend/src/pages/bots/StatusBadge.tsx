import { useTranslation } from 'react-i18next'
import { Badge } from '../../ui'

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('bots')
  return <Badge tone={status === 'active' ? 'success' : 'warning'}>{t(`status.${status}`, { defaultValue: status })}</Badge>
}
