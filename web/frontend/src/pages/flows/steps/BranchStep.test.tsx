import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderWithProviders } from '../../../test/render'
import { stepForm, type StepForm } from '../flowForm'
import { branchStep } from './BranchStep'

function renderBranch(start: StepForm) {
  const latest = { step: start }
  function Harness() {
    const [step, setStep] = useState(start)
    latest.step = step
    return <ol><branchStep.Editor step={step} path="steps[1]" errors={{}} set={(patch) => setStep((s) => ({ ...s, ...patch }))} /></ol>
  }
  renderWithProviders(<Harness />)
  return latest
}

describe('branch step editor', () => {
  it('edits both ways of a branch without offering steps that cannot nest', async () => {
    const latest = renderBranch(stepForm({ type: 'branch', condition: { field: 'contact.tier', op: 'equals', value: 'free' },
      steps: [{ type: 'text', text: 'Upgrade?' }], elseSteps: [{ type: 'text', text: 'Thanks for being premium' }] }))

    const then = screen.getByRole('region', { name: 'Then' })
    const offered = within(within(then).getByLabelText('New step type')).getAllByRole('option').map((o) => o.getAttribute('value'))
    expect(offered).not.toContain('branch')
    expect(offered).not.toContain('ask')
    expect(within(then).getByRole('button', { name: 'Remove step 2.1' })).toBeDisabled()

    const otherwise = screen.getByRole('region', { name: 'Otherwise' })
    await userEvent.click(within(otherwise).getByRole('button', { name: 'Remove step 2.1' }))
    await userEvent.selectOptions(within(then).getByLabelText('New step type'), 'handoff')
    await userEvent.click(within(then).getByRole('button', { name: 'Add step' }))

    expect(branchStep.toSpec(latest.step)).toEqual({ type: 'branch', condition: { field: 'contact.tier', op: 'equals', value: 'free' },
      steps: [{ type: 'text', text: 'Upgrade?' }, { type: 'handoff' }], elseSteps: [] })
  })
})
