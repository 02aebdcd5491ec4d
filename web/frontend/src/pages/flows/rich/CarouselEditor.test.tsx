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
  createdAt: '2026-12-07T10:00:00Z', updatedAt: '2026-12-07T10:00:00Z' }
const flowsRoute = route('GET', '/api/v1/bots/b1/flows', 200, { items: [staff], nextCursor: null })
const carousel = { type: 'carousel', cards: [
  { title: 'Cake', text: 'Baked today.', imageUrl: 'https://cdn.example/cake.jpg', buttons: [{ label: 'Order', postback: 'order=cake' }] },
  { title: 'Latte', text: 'Roasted tea.' }] }
const savedFlow = { ...staff, id: 'f1', name: 'Menu', trigger: { type: 'keyword', keywords: ['menu'], match: 'exact' },
  steps: [carousel] }

describe('the carousel step editor', () => {
  it('edits each card, adds a card whose button starts a flow chosen by name, and saves the cards as the API wants', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, flowsRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, savedFlow),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 200, savedFlow))
    renderApp('/bots/b1/flows/f1')

    const step = await screen.findByRole('listitem', { name: 'Step 1: Carousel (cards side by side)' })
    expect(within(within(step).getByRole('group', { name: 'Card 1' })).getByLabelText('Title')).toHaveValue('Cake')
    expect(within(step).getByRole('button', { name: 'Remove card 1' })).toBeDisabled() // two cards at least
    await userEvent.click(within(step).getByRole('button', { name: 'Add a card' }))
    const third = within(step).getByRole('group', { name: 'Card 3' })
    await userEvent.type(within(third).getByLabelText('Title'), 'Staff')
    await userEvent.type(within(third).getByLabelText('Text'), 'Ask us anything.')
    await userEvent.click(within(third).getByRole('button', { name: 'Add a button' }))
    await userEvent.type(within(third).getByLabelText('Label'), 'Talk')
    await waitFor(() => expect(within(third).getByRole('option', { name: 'Start the flow “Talk to staff”' })).toBeInTheDocument())
    await userEvent.selectOptions(within(third).getByLabelText('When pressed'), 'f-staff')
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    expect((api.requests.find((r) => r.method === 'PATCH')?.body as { steps: unknown[] }).steps).toEqual([{
      type: 'carousel', cards: [...carousel.cards,
        { title: 'Staff', text: 'Ask us anything.', buttons: [{ label: 'Talk', flowId: 'f-staff' }] }] }])
  })

  it('turns a new flow\'s text step into a carousel that saves without the text a carousel does not use', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, flowsRoute, route('POST', '/api/v1/bots/b1/flows', 201, savedFlow),
      route('GET', '/api/v1/bots/b1/flows/f1', 200, savedFlow))
    renderApp('/bots/b1/flows/new')

    await userEvent.type(await screen.findByLabelText('Name'), 'Menu')
    await userEvent.type(screen.getByLabelText('Keywords'), 'menu')
    const first = screen.getByRole('listitem', { name: 'Step 1: Text' })
    await userEvent.type(within(first).getByLabelText('Text'), 'Our menu')
    await userEvent.selectOptions(within(first).getByLabelText('Step type'), 'carousel')
    const step = screen.getByRole('listitem', { name: 'Step 1: Carousel (cards side by side)' })
    for (const [number, title] of [[1, 'Cake'], [2, 'Latte']] as const) {
      const card = within(step).getByRole('group', { name: `Card ${number}` })
      await userEvent.type(within(card).getByLabelText('Title'), title)
      await userEvent.type(within(card).getByLabelText('Text'), `${title} of the day.`)
    }
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')).toBeDefined())
    expect((api.requests.find((r) => r.method === 'POST')?.body as { steps: unknown[] }).steps).toEqual([{
      type: 'carousel', cards: [{ title: 'Cake', text: 'Cake of the day.' }, { title: 'Latte', text: 'Latte of the day.' }] }])
  })

  it("shows the API's refusals next to the card field and above the cards", async () => {
    signIn()
    fakeApi(meRoute, botRoute, flowsRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, savedFlow),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 400, validationFailed({
        'steps[0].cards': 'needs 2 to 10 cards', 'steps[0].cards[1].title': 'must be 1 to 80 characters' })))
    renderApp('/bots/b1/flows/f1')

    const step = await screen.findByRole('listitem', { name: 'Step 1: Carousel (cards side by side)' })
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    const second = within(step).getByRole('group', { name: 'Card 2' })
    await waitFor(() => expect(within(second).getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true'))
    expect(within(second).getByLabelText('Title')).toHaveAccessibleDescription(/must be 1 to 80 characters/)
    expect(within(step).getByText('needs 2 to 10 cards')).toBeInTheDocument()
  })
})
