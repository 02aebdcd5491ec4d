import type { StepForm, StepSpec } from '../flowForm'
import { RichStepEditor } from '../rich/RichStepEditor'
import { newRichStep } from '../rich/richSteps'
import type { StepEditorProps, StepKind } from './registry'

/** The step as the API holds it: rich steps are edited on their API shape by RichStepEditor. */
function spec(step: StepForm): StepSpec {
  return Object.fromEntries(Object.entries(step).filter(([name]) => name !== 'uid')) as StepSpec
}

function RichEditor({ step, set, path, errors }: StepEditorProps) {
  return <RichStepEditor spec={spec(step)} path={path} errors={errors}
                         onChange={(next) => set(next as Partial<StepForm>)} />
}

function richKind(type: string): StepKind {
  return {
    type,
    empty: () => {
      const { type: _type, ...fields } = newRichStep(type)
      void _type
      return fields as Partial<StepForm>
    },
    toSpec: spec,
    Editor: RichEditor,
  }
}

/** A card (title, text, image, buttons, link), a list of options, a link button: docs/flows.md "Rich messages". */
export const cardStep = richKind('card')
export const listStep = richKind('list')
export const linkButtonStep = richKind('link_button')
/** Cards side by side: a LINE Flex carousel, a row in web chat, one card per message elsewhere. */
export const carouselStep = richKind('carousel')
