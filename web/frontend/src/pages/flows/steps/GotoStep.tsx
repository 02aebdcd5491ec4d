import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problem'
import { SelectField } from '../../../ui'
import { useFlowEditor } from '../editorContext'
import type { StepEditorProps, StepKind } from './registry'

/** Go to another flow of the bot, chosen by name from the bot's flows (its id is what is saved). */
function GotoEditor({ step, set, path, errors }: StepEditorProps) {
  const { t } = useTranslation('flows')
  const { botId, flowId } = useFlowEditor()
  const flows = useQuery({
    queryKey: ['flows', botId],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}/flows', { params: { path: { botId } } })),
  })
  const others = (flows.data?.items ?? []).filter((flow) => flow.id !== flowId)
  const known = !step.flowId || others.some((flow) => flow.id === step.flowId) || flows.isPending
  return (
    <SelectField label={t('goto.flow')} hint={t('goto.hint')} value={step.flowId ?? ''} error={errors[`${path}.flowId`]}
                 onChange={(e) => set({ flowId: e.target.value })}>
      <option value="">{t('goto.choose')}</option>
      {others.map((flow) => <option key={flow.id} value={flow.id}>{flow.name}</option>)}
      {!known && <option value={step.flowId ?? ''}>{t('goto.missing')}</option>}
    </SelectField>
  )
}

export const gotoStep: StepKind = {
  type: 'goto',
  empty: () => ({ flowId: '' }),
  toSpec: (s) => ({ type: 'goto', flowId: s.flowId ?? '' }),
  Editor: GotoEditor,
  lastOnly: true,
}
