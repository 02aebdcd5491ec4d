import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const segments = route('GET', /^\/api\/v1\/segments\?/, 200, { items: [{ id: 's1', name: 'VIPs', definition: {},
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }], nextCursor: null })
const nudge = { id: 'f2', botId: 'b1', name: 'Nudge', enabled: true, priority: 0,
  trigger: { type: 'inactive', after: 3, unit: 'days' }, steps: [{ type: 'text', text: 'We miss you!' }],
  createdAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z' }
const runs = route('GET', /^\/api\/v1\/bots\/b1\/flows\/f2\/runs\?/, 200, { nextCursor: null, items: [
  { id: 'r1', flowId: 'f2', contactId: 'c1', triggerType: 'inactive', occurrence: 'inactive:v1:1', channelId: 'ch1',
    status: 'sent', delivery: { messageId: 'm1', status: 'failed', detail: '131047 Re-engagement message' },
    createdAt: '2026-11-22T10:00:00Z' },
  { id: 'r2', flowId: 'f2', contactId: 'c2', triggerType: 'inactive', occurrence: 'inactive:v2:1', channelId: 'ch1',
    status: 'skipped', reason: 'opted_out', createdAt: '2026-11-22T10:00:00Z' },
] })

describe('proactive triggers in the flow editor', () => {
  it('creates a scheduled flow for a segment with the cron expression typed', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, segments, route('POST', '/api/v1/bots/b1/flows', 201, { ...nudge, id: 'f3',
      trigger: { type: 'schedule', cron: '0 9 * * 1', segmentId: 's1' } }),
    route('GET', '/api/v1/bots/b1/flows/f3', 200, { ...nudge, id: 'f3', trigger: { type: 'schedule', cron: '0 9 * * 1' } }),
    route('GET', /^\/api\/v1\/bots\/b1\/flows\/f3\/runs\?/, 200, { items: [], nextCursor: null }))
    renderApp('/bots/b1/flows/new')

    await userEvent.type(await screen.findByLabelText('Name'), 'Monday check-in')
    await userEvent.selectOptions(screen.getByLabelText('Trigger'), 'schedule')
    const cron = screen.getByLabelText('Cron expression')
    await userEvent.clear(cron)
    await userEvent.type(cron, '0 9 * * 1')
    await waitFor(() => expect(screen.getByRole('option', { name: 'VIPs' })).toBeInTheDocument())
    await userEvent.selectOptions(screen.getByLabelText('Audience'), 's1')
    await userEvent.type(within(screen.getByRole('region', { name: 'Steps' })).getByLabelText('Text'), 'Hi!')
    await userEvent.click(screen.getByRole('button', { name: 'Save flow' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      trigger: { type: 'schedule', cron: '0 9 * * 1', segmentId: 's1' },
    }))
  })

  it("shows an inactive flow's fields and its runs with the reason or the delivery failure", async () => {
    signIn()
    fakeApi(meRoute, botRoute, route('GET', '/api/v1/bots/b1/flows/f2', 200, nudge), runs)
    renderApp('/bots/b1/flows/f2')

    expect(await screen.findByLabelText('Silent for')).toHaveValue('3')
    expect(screen.getByLabelText('Unit')).toHaveValue('days')
    const table = await screen.findByRole('table', { name: 'Runs' })
    expect(within(table).getByText('131047 Re-engagement message', { exact: false })).toBeInTheDocument()
    expect(within(table).getByText('opted_out')).toBeInTheDocument()
    expect(within(table).getByText('Skipped')).toBeInTheDocument()
  })

  it('marks the trigger field the API refused', async () => {
    signIn()
    fakeApi(meRoute, botRoute, route('GET', '/api/v1/bots/b1/flows/f2', 200, nudge), runs,
      route('PATCH', '/api/v1/bots/b1/flows/f2', 400, validationFailed({ 'trigger.after': 'must be 1 to 365 days' })))
    renderApp('/bots/b1/flows/f2')

    await userEvent.click(await screen.findByRole('button', { name: 'Save flow' }))

    expect(await screen.findByText('must be 1 to 365 days')).toBeInTheDocument()
  })

  it('names the new trigger kinds in Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-Hant')
    try {
      expect(i18n.t('types.inactive', { ns: 'triggers' })).toBe('聯絡人未互動')
      expect(i18n.t('runs.statuses.skipped', { ns: 'triggers' })).toBe('已略過')
    } finally {
      await i18n.changeLanguage('en')
    }
  })
})
