import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../../test/fakeApi'
import { renderApp } from '../../../test/render'
import { meRoute, signIn } from '../../../test/signedIn'
import { sampleBot } from '../../bots/sampleBot'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const staff = { id: 'f-staff', botId: 'b1', name: 'Talk to staff', enabled: true, priority: 0,
  trigger: { type: 'keyword', keywords: ['staff'], match: 'exact' }, steps: [{ type: 'handoff' }],
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }
const flowsRoute = route('GET', '/api/v1/bots/b1/flows', 200, { items: [staff], nextCursor: null })
const card = { type: 'card', title: 'Autumn menu', text: 'Chestnut cake.', imageUrl: 'https://cdn.example/a.jpg',
  buttons: [{ label: 'Order', postback: 'order' }] }
const savedFlow = { ...staff, id: 'f1', name: 'Menu', trigger: { type: 'keyword', keywords: ['menu'], match: 'exact' },
  steps: [card] }

describe('rich step editors', () => {
  it('edits a card whose button starts a flow chosen by name, and keeps the rest of the card as it was', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, flowsRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, savedFlow),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 200, savedFlow))
    renderApp('/bots/b1/flows/f1')

    const step = await screen.findByRole('listitem', { name: 'Step 1: Card (image, text, buttons)' })
    expect(within(step).getByLabelText('Title')).toHaveValue('Autumn menu')
    const button = within(step).getByRole('group', { name: 'button 1' })
    await waitFor(() => expect(within(button).getByRole('option', { name: 'Start the flow “Talk to staff”' })).toBeInTheDocument())
    await userEvent.selectOptions(within(button).getByLabelText('When pressed'), 'f-staff')
    await userEvent.click(within(step).getByRole('button', { name: 'Add a link button' }))
    await userEvent.type(within(step).getByLabelText('Link label'), 'Details')
    await userEvent.type(within(step).getByLabelText('URL (http or https)'), 'https://shop.example/a')
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    expect((api.requests.find((r) => r.method === 'PATCH')?.body as { steps: unknown[] }).steps).toEqual([{
      ...card, buttons: [{ label: 'Order', flowId: 'f-staff' }], link: { label: 'Details', url: 'https://shop.example/a' },
    }])
  })

  it('adds a list step and shows the API refusal next to the option that caused it', async () => {
    signIn()
    const list = { type: 'list', text: 'Which service?', options: [{ label: 'A label that is far too long', postback: 'x' }] }
    fakeApi(meRoute, botRoute, flowsRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, { ...savedFlow, steps: [list] }),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 400, validationFailed({ 'steps[0].options[0].label': 'must be 1 to 24 characters' })))
    renderApp('/bots/b1/flows/f1')

    const step = await screen.findByRole('listitem', { name: 'Step 1: List of options' })
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    const option = within(step).getByRole('group', { name: 'option 1' })
    await waitFor(() => expect(within(option).getByLabelText('Label')).toHaveAttribute('aria-invalid', 'true'))
    expect(within(option).getByLabelText('Label')).toHaveAccessibleDescription(/must be 1 to 24 characters/)
  })
})
