import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import { signIn } from '../../test/signedIn'
import { DryRunBox } from './DryRunBox'

const gate = { id: 'g1', botId: 'b1', name: 'Name first', enabled: true, priority: 0,
  trigger: { type: 'gate', until: { field: 'contact.attributes.name', op: 'exists' } },
  steps: [{ type: 'ask', text: 'What is your name?', input: 'text', saveTo: 'contact.attributes.name' }],
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }
const flows = route('GET', '/api/v1/bots/b1/flows', 200, { items: [gate], nextCursor: null })

describe('dry-run box', () => {
  it('answers a waiting question for a sample contact and shows what is captured and what the branch sends', async () => {
    signIn()
    const api = fakeApi(flows, route('POST', '/api/v1/bots/b1/flows/dry-run', 200, {
      matched: { id: 'g1', name: 'Name first', triggerType: 'gate' },
      steps: [{ type: 'text', text: 'Nice to meet you, Ada!' }], then: 'reply', attributeChanges: { name: 'Ada' },
      variableChanges: {}, warnings: [], branches: ['steps[1]: else'],
      answer: { outcome: 'captured', value: 'Ada', savedTo: 'contact.attributes.name', attempts: 0 },
    }))
    renderWithProviders(<DryRunBox botId="b1" />)
    const box = screen.getByRole('region', { name: 'Try a message' })

    await userEvent.type(within(box).getByLabelText('Message'), 'Ada')
    await userEvent.click(within(box).getByText('Sample contact and conversation'))
    await userEvent.type(within(box).getByLabelText('Tier'), 'premium')
    await userEvent.type(within(box).getByLabelText('Attributes'), 'age=18{enter}city=Taipei')
    await userEvent.selectOptions(within(box).getByLabelText('Channel'), 'line')
    await userEvent.click(within(box).getByLabelText('Has redeemed an access code'))
    await userEvent.type(within(box).getByLabelText('Tags'), 'vip, 台北,')
    const waiting = within(box).getByLabelText('Waiting for an answer to')
    await within(waiting).findByRole('option', { name: 'Name first, step 1: What is your name?' })
    await userEvent.selectOptions(waiting, 'g1:0')
    await userEvent.type(within(box).getByLabelText('Invalid answers so far'), '1')
    await userEvent.click(within(box).getByRole('button', { name: 'Try it' }))

    expect(await within(box).findByText('Captured "Ada" into contact.attributes.name.')).toBeInTheDocument()
    expect(within(box).getByText('Closed gate: Name first')).toBeInTheDocument()
    expect(within(box).getByText('Branches: steps[1]: else')).toBeInTheDocument()
    expect(within(box).getByText('Nice to meet you, Ada!')).toBeInTheDocument()
    expect(within(box).getByText('Sets name = Ada')).toBeInTheDocument()
    expect(api.requests.find((r) => r.path.endsWith('/dry-run'))?.body).toEqual({
      text: 'Ada', channel: 'line',
      contact: { tier: 'premium', attributes: { age: '18', city: 'Taipei' }, accessCode: true, tags: ['vip', '台北'] },
      waiting: { flowId: 'g1', step: 0, attempts: 1 },
    })
  })

  it('shows a re-ask and where the answer is still awaited', async () => {
    signIn()
    fakeApi(flows, route('POST', '/api/v1/bots/b1/flows/dry-run', 200, {
      matched: { id: 'g1', name: 'Name first', triggerType: 'gate' }, steps: [{ type: 'text', text: 'Your name, please?' }],
      then: 'reply', attributeChanges: {}, variableChanges: {}, warnings: [], branches: [],
      waitsForAnswer: 'contact.attributes.name', answer: { outcome: 'reask', attempts: 2 },
    }))
    renderWithProviders(<DryRunBox botId="b1" />)

    await userEvent.type(screen.getByLabelText('Message'), '?')
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }))

    expect(await screen.findByText('Not a valid answer (invalid answers: 2): asked again.')).toBeInTheDocument()
    expect(screen.getByText('Then waits for the answer, saved to contact.attributes.name.')).toBeInTheDocument()
  })

  it("puts the API's error on the waiting question next to it", async () => {
    signIn()
    fakeApi(flows, route('POST', '/api/v1/bots/b1/flows/dry-run', 400, validationFailed({ 'waiting.step': 'must be the index of an ask step of that flow' })))
    renderWithProviders(<DryRunBox botId="b1" />)

    await userEvent.type(screen.getByLabelText('Message'), 'hi')
    await userEvent.selectOptions(await screen.findByLabelText('Waiting for an answer to'), 'g1:0')
    await userEvent.click(screen.getByRole('button', { name: 'Try it' }))

    expect(await screen.findByText('must be the index of an ask step of that flow')).toBeInTheDocument()
    expect(screen.getByLabelText('Waiting for an answer to')).toHaveAccessibleDescription(/must be the index of an ask step/)
  })
})
