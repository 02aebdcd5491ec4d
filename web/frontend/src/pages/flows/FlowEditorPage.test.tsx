import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, validationFailed, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const savedFlow = { id: 'f1', botId: 'b1', name: 'Opening hours', enabled: true, priority: 10,
  trigger: { type: 'keyword', keywords: ['hours'], match: 'contains' }, steps: [{ type: 'text', text: 'We are open.' }],
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }

describe('flow editor', () => {
  it('creates a flow with its trigger and steps in the order the buttons left them', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('POST', '/api/v1/bots/b1/flows', 201, savedFlow),
      route('GET', '/api/v1/bots/b1/flows/f1', 200, savedFlow))
    const { router } = renderApp('/bots/b1/flows/new')

    await userEvent.type(await screen.findByLabelText('Name'), 'Opening hours')
    await userEvent.type(screen.getByLabelText('Keywords'), 'hours{enter}營業時間')
    await userEvent.selectOptions(screen.getByLabelText('Match'), 'contains')
    const steps = screen.getByRole('region', { name: 'Steps' })
    await userEvent.type(within(steps).getByLabelText('Text'), 'We are open 10:00-18:00.')

    await userEvent.selectOptions(within(steps).getByLabelText('New step type'), 'buttons')
    await userEvent.click(within(steps).getByRole('button', { name: 'Add step' }))
    const second = within(steps).getByRole('listitem', { name: 'Step 2: Buttons' })
    await userEvent.type(within(second).getByLabelText('Text'), 'Anything else?')
    await userEvent.type(within(second).getByLabelText('Label'), 'Menu')
    await userEvent.type(within(second).getByLabelText('Postback data'), 'menu')
    await userEvent.click(within(steps).getByRole('button', { name: 'Move step 2 up' }))

    expect(within(steps).getByRole('listitem', { name: 'Step 1: Buttons' })).toBeInTheDocument()
    expect(within(steps).getByRole('status')).toHaveTextContent('Step moved to position 1.')
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/bots/b1/flows/f1'))
    // on the new flow's own page (the editor that saved it has gone)
    await waitFor(() => expect(screen.getByText('Flow saved.')).toBeInTheDocument())
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Opening hours', enabled: true, priority: 0,
      trigger: { type: 'keyword', match: 'contains', keywords: ['hours', '營業時間'] },
      steps: [
        { type: 'buttons', text: 'Anything else?', style: 'buttons', buttons: [{ label: 'Menu', postback: 'menu' }] },
        { type: 'text', text: 'We are open 10:00-18:00.' },
      ],
    })
  })

  it("marks the step field the API refused", async () => {
    signIn()
    fakeApi(meRoute, botRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, savedFlow),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 400, validationFailed({ 'steps[0].text': 'unknown placeholder {{contact.nick}}' })))
    renderApp('/bots/b1/flows/f1')

    await userEvent.click(await screen.findByRole('button', { name: 'Save flow' }))

    const step = screen.getByRole('listitem', { name: 'Step 1: Text' })
    const text = within(step).getByLabelText('Text')
    await waitFor(() => expect(text).toHaveAttribute('aria-invalid', 'true'))
    expect(text).toHaveAccessibleDescription('unknown placeholder {{contact.nick}}')
  })
})

describe('flows made through the API with gates, branches and questions', () => {
  it('keeps what the editor cannot edit yet when the flow is saved', async () => {
    signIn()
    const gate = { type: 'gate', until: { field: 'contact.personaOverride', op: 'exists' } }
    const branch = { type: 'branch', condition: { field: 'contact.attributes.age', op: 'gte', value: 18 },
      steps: [{ type: 'text', text: 'Welcome' }] }
    const ask = { type: 'ask', text: 'How many?', input: 'number', saveTo: 'contact.attributes.partySize', maxAttempts: 3 }
    const flow = { ...savedFlow, trigger: gate, steps: [{ type: 'text', text: 'Hi' }, branch, ask] }
    const api = fakeApi(meRoute, botRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, flow),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 200, flow))
    renderApp('/bots/b1/flows/f1')

    const steps = await screen.findByRole('region', { name: 'Steps' })
    expect(within(steps).getByRole('listitem', { name: 'Step 2: Branch (if/else)' })).toHaveTextContent('made through the API')
    expect(screen.getByText('Gate: made through the API and kept as it is here.')).toBeInTheDocument()
    await userEvent.click(within(steps).getByRole('button', { name: 'Move step 3 up' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    const body = api.requests.find((r) => r.method === 'PATCH')?.body as { trigger: unknown, steps: unknown }
    expect(body.trigger).toEqual(gate)
    expect(body.steps).toEqual([{ type: 'text', text: 'Hi' }, ask, branch])
  })
})

describe('flows list', () => {
  it('lists flows in match order and dry-runs a message', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('GET', '/api/v1/bots/b1/flows', 200, { items: [savedFlow], nextCursor: null }),
      route('POST', '/api/v1/bots/b1/flows/dry-run', 200, {
        matched: { id: 'f1', name: 'Opening hours', triggerType: 'keyword' },
        steps: [{ type: 'text', text: 'We are open, 美玲.' }], then: 'reply', attributeChanges: {}, warnings: [],
      }))
    renderApp('/bots/b1/flows')

    expect(await screen.findByRole('link', { name: 'Edit Opening hours' })).toHaveAttribute('href', '/bots/b1/flows/f1')
    const box = screen.getByRole('region', { name: 'Try a message' })
    await userEvent.type(within(box).getByLabelText('Message'), 'ｈｏｕｒｓ?')
    await userEvent.type(within(box).getByLabelText('Sample contact name'), '美玲')
    await userEvent.click(within(box).getByRole('button', { name: 'Try it' }))

    expect(await within(box).findByText('Matched flow: Opening hours')).toBeInTheDocument()
    expect(within(box).getByText('We are open, 美玲.')).toBeInTheDocument()
    expect(within(box).getByText('These steps are the whole answer.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.path.endsWith('/dry-run'))?.body).toEqual({ text: 'ｈｏｕｒｓ?', contact: { displayName: '美玲' } })
  })
})
