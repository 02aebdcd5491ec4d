import { useTranslation } from 'react-i18next'
import { Button, SelectField } from '../../../ui'
import type { ConditionSpec } from '../flowForm'
import { ConditionTest } from './ConditionTest'
import { NEW_TEST, NODE_KINDS, asKind, nodeKind, type NodeKind } from './conditionModel'

/** all/any/not nest up to this many levels (core's ConditionRules.MAX_DEPTH); deeper, only tests. */
const MAX_DEPTH = 4

/**
 * A condition (docs/flows.md "Conditions"): a test, or all/any of several conditions, or not one. Each part
 * shows the API's error for its own path (`condition.all[1].op`).
 */
export function ConditionBuilder({ label, condition, onChange, path, errors, depth = 1, onRemove }: {
  label: string
  condition: ConditionSpec
  onChange: (condition: ConditionSpec) => void
  /** the API's name for this condition in field errors, e.g. trigger.until or steps[0].condition.all[1] */
  path: string
  errors: Record<string, string>
  depth?: number
  onRemove?: () => void
}) {
  const { t } = useTranslation('flows')
  const kind = nodeKind(condition)
  const members = condition.all ?? condition.any ?? []
  const group = kind === 'all' || kind === 'any'
  const setMembers = (next: ConditionSpec[]) => onChange(kind === 'all' ? { all: next } : { any: next })
  const kinds = depth >= MAX_DEPTH + 1 ? (['test'] as NodeKind[]) : NODE_KINDS
  return (
    <fieldset className="flow-condition">
      <legend className="p-field__label">{label}</legend>
      <div className="flow-condition__head">
        <SelectField label={t('cond.kind')} value={kind} error={errors[path] ?? (group ? errors[`${path}.${kind}`] : undefined)}
                     onChange={(e) => onChange(asKind(condition, e.target.value as NodeKind))}>
          {kinds.map((k) => <option key={k} value={k}>{t(`cond.kinds.${k}`)}</option>)}
        </SelectField>
        {onRemove && <Button size="sm" variant="ghost" aria-label={t('cond.remove', { label })} onClick={onRemove}>✕</Button>}
      </div>
      {kind === 'test' && <ConditionTest test={condition} onChange={onChange} path={path} errors={errors} />}
      {group && (
        <>
          <ol className="flow-condition__members">
            {members.map((member, index) => (
              <li key={index}>
                <ConditionBuilder label={t('cond.member', { number: index + 1 })} condition={member} depth={depth + 1}
                                  path={`${path}.${kind}[${index}]`} errors={errors}
                                  onChange={(changed) => setMembers(members.map((m, i) => (i === index ? changed : m)))}
                                  onRemove={members.length > 1 ? () => setMembers(members.filter((_, i) => i !== index)) : undefined} />
              </li>
            ))}
          </ol>
          <div className="p-row">
            <Button size="sm" onClick={() => setMembers([...members, NEW_TEST])}>{t('cond.addTest')}</Button>
            <Button size="sm" disabled={depth >= MAX_DEPTH} onClick={() => setMembers([...members, { all: [NEW_TEST] }])}>{t('cond.addGroup')}</Button>
          </div>
        </>
      )}
      {kind === 'not' && condition.not && (
        <ConditionBuilder label={t('cond.negated')} condition={condition.not} depth={depth + 1} path={`${path}.not`} errors={errors}
                          onChange={(not) => onChange({ not })} />
      )}
    </fieldset>
  )
}
