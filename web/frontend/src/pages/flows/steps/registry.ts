import type { ComponentType } from 'react'
import type { StepForm, StepSpec } from '../flowForm'
import { askLlmStep } from './AskLlmStep'
import { askStep } from './AskStep'
import { branchStep } from './BranchStep'
import { buttonsStep } from './ButtonsStep'
import { gotoStep } from './GotoStep'
import { handoffStep } from './HandoffStep'
import { imageStep } from './ImageStep'
import { cardStep, carouselStep, linkButtonStep, listStep } from './RichSteps'
import { setAttributeStep } from './SetAttributeStep'
import { textStep } from './TextStep'

/** What a step kind's editor gets: the step, a way to change some of its fields, and the API's field errors. */
export interface StepEditorProps {
  step: StepForm
  set: (patch: Partial<StepForm>) => void
  /** e.g. steps[2] or steps[1].elseSteps[0], the API's name for the step in its field errors */
  path: string
  errors: Record<string, string>
}

/**
 * One kind of step: how a new one starts, which fields the request sends (the API refuses fields a type does not
 * use), and its editor. A new step kind is a file exporting one of these and a line in STEP_KINDS.
 */
export interface StepKind {
  type: string
  /** The fields a new step of this kind starts with (besides type and uid). */
  empty: () => Partial<StepForm>
  toSpec: (step: StepForm) => StepSpec
  Editor: ComponentType<StepEditorProps>
  /** Ends the turn, so the API wants it last (docs/flows.md "Steps"). */
  lastOnly?: boolean
  /** Only at a flow's top level: not offered inside a branch (branches do not nest; ask waits at the top level). */
  topLevelOnly?: boolean
}

/** In the order the "step type" selects offer them. */
export const STEP_KINDS: readonly StepKind[] = [
  textStep,
  buttonsStep,
  imageStep,
  cardStep,
  carouselStep,
  listStep,
  linkButtonStep,
  askStep,
  branchStep,
  setAttributeStep,
  gotoStep,
  handoffStep,
  askLlmStep,
]

export const stepKind = (type: string): StepKind | undefined => STEP_KINDS.find((kind) => kind.type === type)

export function newStepForm(type: string, uid: string): StepForm {
  return { type, uid, ...(stepKind(type)?.empty() ?? {}) }
}

/** The request's step: the kind's fields, or (a kind this editor does not know) the step as read, without its uid. */
export function stepSpec(step: StepForm): StepSpec {
  const kind = stepKind(step.type)
  if (kind) return kind.toSpec(step)
  const { steps, elseSteps, ...rest } = step
  return {
    ...(Object.fromEntries(Object.entries(rest).filter(([name]) => name !== 'uid')) as StepSpec),
    ...(steps && { steps: steps.map(stepSpec) }),
    ...(elseSteps && { elseSteps: elseSteps.map(stepSpec) }),
  }
}
