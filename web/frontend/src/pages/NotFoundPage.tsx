import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { EmptyState, usePageTitle } from '../ui'

export function NotFoundPage() {
  const { t } = useTranslation()
  usePageTitle(t('state.notFound'))
  return <EmptyState title={t('state.notFound')} action={<Link to="/inbox">{t('nav.inbox')}</Link>} />
}
