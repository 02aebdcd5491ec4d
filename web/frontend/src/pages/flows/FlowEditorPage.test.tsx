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

describe('flows with gates, branches and questions', () => {
  it('saves a flow read from the API unchanged, a step kind this editor does not know included', async () => {
    signIn()
    const gate = { type: 'gate', until: { field: 'contact.personaOverride', op: 'exists' } }
    const branch = { type: 'branch', condition: { field: 'contact.attributes.age', op: 'gte', value: 18 },
      steps: [{ type: 'text', text: 'Welcome' }], elseSteps: [] }
    const ask = { type: 'ask', text: 'How many?', input: 'number', saveTo: 'contact.attributes.partySize', maxAttempts: 3 }
    const flex = { type: 'flex', altText: 'Menu', contents: { type: 'bubble' } }
    const condition = { field: 'channel', op: 'in', values: ['line'] }
    const flow = { ...savedFlow, trigger: gate, condition, steps: [{ type: 'text', text: 'Hi' }, branch, ask, flex] }
    const api = fakeApi(meRoute, botRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, flow),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 200, flow))
    renderApp('/bots/b1/flows/f1')

    const steps = await screen.findByRole('region', { name: 'Steps' })
    expect(within(steps).getByRole('listitem', { name: 'Step 4: flex' })).toHaveTextContent('made through the API')
    await userEvent.click(within(steps).getByRole('button', { name: 'Move step 3 up' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    const body = api.requests.find((r) => r.method === 'PATCH')?.body as Record<string, unknown>
    expect(body.trigger).toEqual(gate)
    expect(body.condition).toEqual(condition)
    expect(body.steps).toEqual([{ type: 'text', text: 'Hi' }, ask, branch, flex])
  })

  it('builds a gate that asks the name until it is set, then branches on it', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('POST', '/api/v1/bots/b1/flows', 201, savedFlow),
      route('GET', '/api/v1/bots/b1/flows/f1', 200, savedFlow))
    renderApp('/bots/b1/flows/new')

    await userEvent.type(await screen.findByLabelText('Name'), 'Name first')
    await userEvent.selectOptions(screen.getByLabelText('Trigger'), 'gate')
    const until = screen.getByRole('group', { name: /^Until/ })
    await userEvent.selectOptions(within(until).getByLabelText('Field'), 'contact.attributes')
    await userEvent.type(within(until).getByLabelText('Key'), 'name')

    const steps = screen.getByRole('region', { name: 'Steps' })
    await userEvent.selectOptions(within(steps).getByLabelText('Step type'), 'ask')
    const ask = within(steps).getByRole('listitem', { name: 'Step 1: Ask and wait for the answer' })
    await userEvent.type(within(ask).getByLabelText('Question'), 'What is your name?')
    await userEvent.type(within(ask).getByLabelText('Key'), 'name')
    await userEvent.type(within(ask).getByLabelText('Re-ask text (optional)'), 'Please tell me your name.')
    await userEvent.type(within(ask).getByLabelText('Answers allowed (1-10)'), '5')

    await userEvent.selectOptions(within(steps).getAllByLabelText('New step type').at(-1)!, 'branch')
    await userEvent.click(within(steps).getAllByRole('button', { name: 'Add step' }).at(-1)!)
    const branch = within(steps).getByRole('listitem', { name: 'Step 2: Branch (if/else)' })
    const condition = within(branch).getByRole('group', { name: 'If' })
    await userEvent.type(within(condition).getByLabelText('Key'), 'name')
    await userEvent.selectOptions(within(condition).getByLabelText('Comparison'), 'equals')
    await userEvent.type(within(condition).getByLabelText('Value'), 'Ada')
    const then = within(branch).getByRole('region', { name: 'Then' })
    await userEvent.type(within(then).getByLabelText('Text'), 'Hello again, Ada!')
    const otherwise = within(branch).getByRole('region', { name: 'Otherwise' })
    expect(within(otherwise).getByLabelText('New step type')).not.toHaveTextContent('Ask and wait for the answer')
    await userEvent.click(within(otherwise).getByRole('button', { name: 'Add step' }))
    await userEvent.type(within(otherwise).getByLabelText('Text'), 'Nice to meet you, {{{{contact.attributes.name}}!')
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')).toBeDefined())
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Name first', enabled: true, priority: 0,
      trigger: { type: 'gate', until: { field: 'contact.attributes.name', op: 'exists' } },
      steps: [
        { type: 'ask', text: 'What is your name?', input: 'text', saveTo: 'contact.attributes.name',
          retryText: 'Please tell me your name.', maxAttempts: 5 },
        { type: 'branch', condition: { field: 'contact.attributes.name', op: 'equals', value: 'Ada' },
          steps: [{ type: 'text', text: 'Hello again, Ada!' }],
          elseSteps: [{ type: 'text', text: 'Nice to meet you, {{contact.attributes.name}}!' }] },
      ],
    })
  })

  it('goes to a flow chosen by its name and shows errors inside branches next to their fields', async () => {
    signIn()
    const booking = { ...savedFlow, id: 'f2', name: 'Book a table' }
    const branch = { type: 'branch', condition: { field: 'contact.tier', op: 'equals', value: 'vip' },
      steps: [{ type: 'text', text: 'VIP' }], elseSteps: [{ type: 'text', text: 'Hi {{contact.nick}}' }] }
    const flow = { ...savedFlow, steps: [branch] }
    const api = fakeApi(meRoute, botRoute, route('GET', '/api/v1/bots/b1/flows/f1', 200, flow),
      route('GET', '/api/v1/bots/b1/flows', 200, { items: [flow, booking], nextCursor: null }),
      route('PATCH', '/api/v1/bots/b1/flows/f1', 400, validationFailed({
        'steps[0].elseSteps[0].text': 'unknown placeholder {{contact.nick}}', 'steps[1].flowId': 'no such flow' })))
    renderApp('/bots/b1/flows/f1')

    const steps = await screen.findByRole('region', { name: 'Steps' })
    await userEvent.selectOptions(within(steps).getAllByLabelText('New step type').at(-1)!, 'goto')
    await userEvent.click(within(steps).getAllByRole('button', { name: 'Add step' }).at(-1)!)
    const goto = within(steps).getByRole('listitem', { name: 'Step 2: Go to another flow' })
    const target = within(goto).getByLabelText('Flow')
    await waitFor(() => expect(within(target).getByRole('option', { name: 'Book a table' })).toBeInTheDocument())
    expect(within(target).queryByRole('option', { name: 'Opening hours' })).not.toBeInTheDocument()
    await userEvent.selectOptions(target, 'Book a table')
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    const otherwise = within(steps).getByRole('region', { name: 'Otherwise' })
    await waitFor(() => expect(within(otherwise).getByLabelText('Text')).toHaveAccessibleDescription('unknown placeholder {{contact.nick}}'))
    expect(target).toHaveAccessibleDescription(/no such flow/)
    expect((api.requests.find((r) => r.method === 'PATCH')?.body as { steps: unknown[] }).steps[1]).toEqual({ type: 'goto', flowId: 'f2' })
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
