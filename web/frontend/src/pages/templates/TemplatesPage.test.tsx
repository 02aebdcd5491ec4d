import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'
import i18n from '../../i18n'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const channel = { id: 'c1', botId: 'b1', type: 'whatsapp', name: 'Shop number', webhookUrl: 'https://p.example/webhooks/whatsapp/c1',
  credentials: {}, externalId: '106540352242922', health: 'healthy', createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z', testOnly: false }
const channelsRoute = route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [channel], nextCursor: null })
const template = (name: string, status: string, body: string, extra: Record<string, unknown> = {}) => ({
  id: `t-${name}`, channelId: 'c1', metaId: '140', name, language: 'en_US', category: 'UTILITY', status, rejectionReason: null,
  components: [{ type: 'BODY', text: body }], syncedAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z', ...extra })
const resume = template('conversation_resume_v1', 'APPROVED', 'Hi {{1}}, tap below to continue.')
const sale = template('spring_sale', 'REJECTED', 'Sale!', { rejectionReason: 'PROMOTIONAL', category: 'MARKETING' })
const listRoute = (items: unknown[]) => route('GET', '/api/v1/bots/b1/templates', 200, { items })
const noFallback = route('GET', '/api/v1/bots/b1/templates/window-fallbacks/c1', 404,
  { type: 'https://parley.dev/problems/not-found', title: 'Not found', status: 404, detail: 'Fallback template not found' })

afterEach(() => { void i18n.changeLanguage('en'); vi.restoreAllMocks() })

describe('templates section', () => {
  it('lists templates with their review status and syncs them from WhatsApp', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, channelsRoute, listRoute([resume, sale]), noFallback,
      route('POST', '/api/v1/bots/b1/templates/sync', 200, { synced: 2, removed: 1, channelIds: ['c1'] }))
    renderApp('/bots/b1/templates')

    const row = (await screen.findByRole('cell', { name: 'spring_sale' })).closest('tr') as HTMLElement
    expect(within(row).getByText('Rejected')).toBeInTheDocument()
    expect(within(row).getByText('PROMOTIONAL')).toBeInTheDocument()
    expect(screen.getByText('Approved')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Sync from WhatsApp' }))
    expect(await screen.findByText('Synced 2 templates; 1 removed.')).toBeInTheDocument()
    expect(api.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/bots/b1/templates/sync')).toHaveLength(1)
  })

  it('previews a new template live and shows each problem next to its field', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, channelsRoute, listRoute([]), noFallback,
      route('POST', '/api/v1/bots/b1/templates', 400, validationFailed({ 'components[0].text': 'must be at most 1024 characters' })))
    renderApp('/bots/b1/templates')
    await userEvent.click(await screen.findByRole('button', { name: 'New template' }))

    await userEvent.type(screen.getByRole('textbox', { name: /^Name/ }), 'Order Update')
    await userEvent.type(screen.getByRole('textbox', { name: /^Body/ }), 'Hi {{{{1}}, your order ships {{{{2}}.')
    await userEvent.type(screen.getByRole('textbox', { name: 'Sample for {{1}}' }), 'Mei')
    expect(screen.getByTestId('template-preview')).toHaveTextContent('Hi Mei, your order ships {{2}}.')
    await userEvent.click(screen.getByRole('button', { name: 'Submit for review' }))

    expect(screen.getByText('Use lower case letters, digits and _ only')).toBeInTheDocument()
    expect(screen.getByText('Give a sample value')).toBeInTheDocument()
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/bots/b1/templates')).toBe(false)

    await userEvent.clear(screen.getByRole('textbox', { name: /^Name/ }))
    await userEvent.type(screen.getByRole('textbox', { name: /^Name/ }), 'order_update')
    await userEvent.type(screen.getByRole('textbox', { name: 'Sample for {{2}}' }), 'Friday')
    await userEvent.click(screen.getByRole('button', { name: 'Submit for review' }))

    expect(await screen.findByText('must be at most 1024 characters')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/bots/b1/templates')?.body).toEqual({
      name: 'order_update', language: 'en_US', category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}}, your order ships {{2}}.', example: { bodyText: [['Mei', 'Friday']] } }],
    })
  })

  it('sets the 24-hour fallback template with a value for each body variable', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, channelsRoute, listRoute([resume, sale]), noFallback,
      route('PUT', '/api/v1/bots/b1/templates/window-fallbacks/c1', 200, { channelId: 'c1', templateName: 'conversation_resume_v1',
        language: 'en_US', bodyVariables: ['{{contact.displayName}}'], updatedAt: '2026-12-07T09:00:00Z' }))
    renderApp('/bots/b1/templates')
    expect(await screen.findByText(/No fallback template/)).toBeInTheDocument()

    const picker = screen.getByRole('combobox', { name: 'Template' })
    expect(within(picker).queryByText('spring_sale (en_US)')).not.toBeInTheDocument()
    await userEvent.selectOptions(picker, 'conversation_resume_v1 (en_US)')
    await userEvent.type(screen.getByRole('textbox', { name: 'Value for {{1}}' }), '{{{{contact.displayName}}')
    await userEvent.click(screen.getByRole('button', { name: 'Save fallback' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      templateName: 'conversation_resume_v1', language: 'en_US', bodyVariables: ['{{contact.displayName}}'] }))
    expect(await screen.findByText('Sends conversation_resume_v1 (en_US).')).toBeInTheDocument()
  })

  it('shows viewers the templates without the controls, in Traditional Chinese too', async () => {
    signIn()
    await i18n.changeLanguage('zh-Hant')
    fakeApi(route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'viewer' }] }),
      botRoute, channelsRoute, listRoute([resume]), noFallback)
    renderApp('/bots/b1/templates')

    expect(await screen.findByText('已核准')).toBeInTheDocument()
    expect(screen.getByText('您可以檢視範本；只有擁有者與管理員可以同步、送審或刪除。')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '從 WhatsApp 同步' })).not.toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: '範本' })).not.toBeInTheDocument()
  })
})
