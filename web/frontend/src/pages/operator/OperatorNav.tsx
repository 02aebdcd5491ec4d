import { useQuery } from '@tanstack/react-query'
import { NavLink } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'
import { NavIcon } from '../../layout/NavIcon'

/** The sidebar's "Operator" section, shown only to platform admins (the API refuses everyone else anyway). */
export function OperatorNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('operator')
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) })
  if (!me.data?.user?.platformAdmin) return null
  return (
    <>
      <p className="shell-nav__section">{t('title')}</p>
      <ul>
        <li>
          <NavLink to="/operator" className="shell-nav__link" onClick={onNavigate}>
            <span className="shell-nav__icon"><NavIcon name="log" /></span>{t('title')}
          </NavLink>
        </li>
      </ul>
    </>
  )
}
