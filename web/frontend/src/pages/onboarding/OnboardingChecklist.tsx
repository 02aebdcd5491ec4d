import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { usePermissions } from '../../auth/useMyRole'
import { Badge, Button } from '../../ui'
import { useOnboarding } from './useOnboarding'
import './onboarding.css'

const HIDDEN_KEY = 'parley.onboarding.hidden'

/**
 * A new workspace's first steps (create a bot → connect a channel → try the test chat → connect an LLM key → invite a
 * teammate → choose a plan, when this Parley has billing), each ticked from what the API shows, on the page a new
 * owner lands on. Owners and admins see it until every step is done or they hide it (kept in this browser).
 */
export function OnboardingChecklist() {
  const { t } = useTranslation('onboarding')
  const { role, canConfigure } = usePermissions()
  const [hidden, setHidden] = useState(() => localStorage.getItem(HIDDEN_KEY) === '1')
  const steps = useOnboarding(!hidden && role !== undefined && canConfigure)
  if (hidden || !steps.data || steps.data.every((s) => s.done)) return null
  const done = steps.data.filter((s) => s.done).length
  const next = steps.data.find((s) => !s.done)
  const hide = () => {
    localStorage.setItem(HIDDEN_KEY, '1')
    setHidden(true)
  }
  return (
    <section className="p-card onboarding" aria-labelledby="onboarding-title">
      <header className="onboarding__head">
        <h2 id="onboarding-title">{t('title')}</h2>
        <span className="p-muted">{t('progress', { done, total: steps.data.length })}</span>
        <Button size="sm" variant="ghost" onClick={hide}>{t('hide')}</Button>
      </header>
      <ol className="onboarding__steps">
        {steps.data.map((step) => (
          <li key={step.key} className={`onboarding__step${step.done ? ' onboarding__step--done' : ''}`}>
            <span className="onboarding__text">
              <strong>{t(`steps.${step.key}.title`)}</strong>
              <span className="p-muted">{t(`steps.${step.key}.body`)}</span>
            </span>
            {step.done ? <Badge tone="success">{t('done')}</Badge>
              : step === next ? <Link className="p-btn p-btn--primary p-btn--sm" to={step.to}>{t(`steps.${step.key}.action`)}</Link>
                : <Link className="p-btn p-btn--secondary p-btn--sm" to={step.to}>{t(`steps.${step.key}.action`)}</Link>}
          </li>
        ))}
      </ol>
    </section>
  )
}
