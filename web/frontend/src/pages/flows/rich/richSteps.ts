import type { components } from '../../../api/schema'

type StepSpec = components['schemas']['FlowStep']

/** Step types edited by RichStepEditor on their API shape (the step form's `raw`). */
export const RICH_STEP_TYPES: readonly string[] = ['card', 'list', 'link_button', 'carousel']

/** A new card, list, link_button or carousel step as the API wants it. */
export function newRichStep(type: string): StepSpec {
  switch (type) {
    case 'card': return { type: 'card', title: '', text: '', buttons: [{ label: '', postback: '' }] }
    case 'carousel': return { type: 'carousel', cards: [{ title: '', text: '' }, { title: '', text: '' }] }
    case 'list': return { type: 'list', text: '', options: [{ label: '', postback: '' }] }
    default: return { type: 'link_button', text: '', label: '', url: '' }
  }
}

