import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import { Badge } from '../../ui'

type DryRun = components['schemas']['FlowDryRun']

/** What the dry-run found: the gate or flow, the answer to a waiting question, the branches, what would be sent. */
export function DryRunResult({ result }: { result: DryRun }) {
  const { t } = useTranslation('flows')
  const steps = result.steps ?? []
  const changes = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).map(([k, v]) => `${k} = ${v}`).join(', ')
  const attributes = changes(result.attributeChanges)
  const variables = changes(result.variableChanges)
  const answer = result.answer
  return (
    <div className="p-stack" role="status">
      {answer && (
        <p className={answer.outcome === 'captured' ? 'flow-dry-run__answer flow-dry-run__answer--ok' : 'flow-dry-run__answer'}>
          {t(`dryRun.answer.${answer.outcome}`, { value: answer.value ?? '', savedTo: answer.savedTo ?? '', attempts: answer.attempts })}
        </p>
      )}
      <p>{result.matched
        ? <strong>{t(result.matched.triggerType === 'gate' ? 'dryRun.matchedGate' : 'dryRun.matched', { name: result.matched.name })}</strong>
        : t('dryRun.noMatch')}</p>
      {(result.branches ?? []).length > 0 && <p className="p-muted">{t('dryRun.branches', { branches: (result.branches ?? []).join('; ') })}</p>}
      {steps.length > 0 && (
        <div>
          <span className="p-field__label">{t('dryRun.wouldSend')}</span>
          <ol className="flow-dry-run__steps">
            {steps.map((step, index) => (
              <li key={index}>
                <Badge>{t(`stepTypes.${step.type}`, { defaultValue: step.type ?? '' })}</Badge>{' '}
                {step.text ?? step.message ?? step.instruction ?? step.url ?? (step.key ? `${step.key} = ${step.value ?? ''}` : '')}
                {step.buttons && step.buttons.length > 0 && (
                  <span className="flow-dry-run__buttons">{step.buttons.map((b, i) => <Badge key={i} tone="primary">{b.label}</Badge>)}</span>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      <p className="p-muted">{t(`dryRun.then.${result.then}`, { defaultValue: result.then })}</p>
      {result.waitsForAnswer && <p className="p-muted">{t('dryRun.waitsForAnswer', { saveTo: result.waitsForAnswer })}</p>}
      {attributes && <p className="p-muted">{t('dryRun.sets', { changes: attributes })}</p>}
      {variables && <p className="p-muted">{t('dryRun.setsVariables', { changes: variables })}</p>}
      {(result.warnings ?? []).length > 0 && (
        <div className="p-alert p-alert--danger"><strong>{t('dryRun.warnings')}:</strong> {(result.warnings ?? []).join('; ')}</div>
      )}
    </div>
  )
}
