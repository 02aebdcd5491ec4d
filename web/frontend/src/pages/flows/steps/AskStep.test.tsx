import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderWithProviders } from '../../../test/render'
import type { StepForm } from '../flowForm'
import { askStep } from './AskStep'
import { newStepForm } from './registry'

function renderAsk(start: StepForm, errors: Record<string, string> = {}) {
  const latest = { step: start }
  function Harness() {
    const [step, setStep] = useState(start)
    latest.step = step
    return <askStep.Editor step={step} path="steps[0]" errors={errors} set={(patch) => setStep((s) => ({ ...s, ...patch }))} />
  }
  renderWithProviders(<Harness />)
  return latest
}

describe('ask step editor', () => {
  it('asks for a choice of buttons kept in a conversation variable, sending only the fields a choice uses', async () => {
    const latest = renderAsk(newStepForm('ask', 'a1'))
    await userEvent.type(screen.getByLabelText('Question'), 'Table inside or outside?')
    await userEvent.selectOptions(screen.getByLabelText('Answer type'), 'choice')
    const buttons = screen.getByRole('group', { name: 'Button 1' })
    await userEvent.type(within(buttons).getByLabelText('Label'), 'Inside')
    await userEvent.type(within(buttons).getByLabelText('Postback data'), 'inside')
    await userEvent.selectOptions(screen.getByLabelText('Save the answer in'), 'conversation.variables')
    await userEvent.type(screen.getByLabelText('Key'), 'seat')
    await userEvent.type(screen.getByLabelText('Text when the attempts are used up (optional)'), 'Ask staff, please.')

    expect(askStep.toSpec(latest.step)).toEqual({ type: 'ask', text: 'Table inside or outside?', input: 'choice',
      buttons: [{ label: 'Inside', postback: 'inside' }], saveTo: 'conversation.variables.seat', failText: 'Ask staff, please.' })
  })

  it('shows the pattern only for a regex answer and leaves saveTo out of an access code without a key', async () => {
    const latest = renderAsk(newStepForm('ask', 'a2'))
    expect(screen.queryByLabelText('Pattern')).not.toBeInTheDocument()
    await userEvent.selectOptions(screen.getByLabelText('Answer type'), 'regex')
    await userEvent.type(screen.getByLabelText('Pattern'), '[[A-Z]{{4}')
    expect(askStep.toSpec(latest.step)).toMatchObject({ input: 'regex', pattern: '[A-Z]{4}' })

    await userEvent.selectOptions(screen.getByLabelText('Answer type'), 'access_code')
    expect(screen.getByLabelText('Save the answer in')).toHaveAccessibleDescription(/batch name is stored/)
    expect(askStep.toSpec(latest.step)).toEqual({ type: 'ask', text: '', input: 'access_code' })
  })

  it("puts the API's errors next to the question's fields", () => {
    renderAsk({ ...newStepForm('ask', 'a3'), input: 'number', maxAttempts: 12 },
      { 'steps[0].maxAttempts': 'must be 1 to 10', 'steps[0].saveTo': 'must start with contact.attributes.' })
    expect(screen.getByLabelText('Answers allowed (1-10)')).toHaveAccessibleDescription('must be 1 to 10')
    expect(screen.getByLabelText('Save the answer in')).toHaveAccessibleDescription(/must start with contact.attributes./)
  })
})
