import { useTranslation } from 'react-i18next'
import { ConditionBuilder } from '../conditions/ConditionBuilder'
import { NEW_TEST } from '../conditions/conditionModel'
import { StepsEditor } from '../StepsEditor'
import { nextUid } from '../flowForm'
import { newStepForm, stepSpec, type StepEditorProps, type StepKind } from './registry'

/** If/else: a condition, the steps run when it holds and those run when it does not. Branches do not nest. */
function BranchEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  const number = path.replace(/^steps\[(\d+)\].*$/, (_, i: string) => String(Number(i) + 1))
  return (
    <>
      <ConditionBuilder label={t('branch.condition')} condition={step.condition ?? NEW_TEST} path={`${path}.condition`} errors={errors}
                        onChange={(condition) => set({ condition })} />
      <StepsEditor title={t('branch.then')} steps={step.steps ?? []} path={`${path}.steps`} numberPrefix={`${number}.`} nested
                   errors={errors} onChange={(steps) => set({ steps })} />
      <StepsEditor title={t('branch.else')} steps={step.elseSteps ?? []} path={`${path}.elseSteps`} numberPrefix={`${number}.`} nested
                   errors={errors} onChange={(elseSteps) => set({ elseSteps })} />
    </>
  )
}

export const branchStep: StepKind = {
  type: 'branch',
  empty: () => ({ condition: NEW_TEST, steps: [newStepForm('text', nextUid())], elseSteps: [] }),
  toSpec: (s) => ({ type: 'branch', condition: s.condition ?? NEW_TEST, steps: (s.steps ?? []).map(stepSpec),
    elseSteps: (s.elseSteps ?? []).map(stepSpec) }),
  Editor: BranchEditor,
  topLevelOnly: true,
}
