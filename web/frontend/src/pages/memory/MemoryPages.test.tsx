import { afterEach, describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { conversation, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'
import i18n from '../../i18n'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const FIELDS = '/api/v1/bots/b1/memory-fields'
const favorability = { name: 'favorability', type: 'number', scope: 'contact', min: 0, max: 100, step: 5, defaultValue: 50, visibleToContact: true }
const stats = (contactsSet: number) => route('GET', `${FIELDS}/stats`, 200, { botId: 'b1', contacts: 40,
  fields: [{ name: 'favorability', type: 'number', scope: 'contact', contactsSet }] })

afterEach(() => { void i18n.changeLanguage('en') })

describe('memory fields on the bot page', () => {
  it('adds a number field and saves the whole list', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('GET', FIELDS, 200, { botId: 'b1', fields: [], updateMode: 'tools' }),
      route('GET', `${FIELDS}/stats`, 200, { botId: 'b1', contacts: 0, fields: [] }), route('PUT', FIELDS, 200, { botId: 'b1', fields: [favorability], updateMode: 'tools' }))
    renderApp('/bots/b1/memory')
    expect(await screen.findByText('No memory fields yet')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Add a field' }))
    await userEvent.type(screen.getByLabelText('Name'), 'favorability')
    await userEvent.type(screen.getByLabelText('Default'), '50')
    await userEvent.click(screen.getByLabelText('The contact may see it'))
    await userEvent.click(screen.getByRole('button', { name: 'Save fields' }))

    expect(await screen.findByText('Saved. The next LLM turn uses these fields.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({ fields: [favorability], updateMode: 'tools' })
  })

  it('shows how many of the bot\'s contacts have each field set', async () => {
    signIn()
    fakeApi(meRoute, botRoute, route('GET', FIELDS, 200, { botId: 'b1', fields: [favorability], updateMode: 'tools' }), stats(12))
    renderApp('/bots/b1/memory')

    const table = await screen.findByRole('table', { name: 'Contacts with a value' })
    expect(within(table).getByRole('row', { name: 'favorability Contact 12 of 40' })).toBeInTheDocument()
    expect(screen.getByText(/40 contacts have talked with this bot/)).toBeInTheDocument()
  })

  it('shows each problem next to its input', async () => {
    signIn()
    fakeApi(meRoute, botRoute, route('GET', FIELDS, 200, { botId: 'b1', fields: [favorability], updateMode: 'tools' }), stats(0),
      route('PUT', FIELDS, 400, { type: 'https://parley.dev/problems/validation-failed', title: 'Validation failed', status: 400,
        detail: 'fields[0].step: must not be greater than max - min',
        errors: [{ field: 'fields[0].step', message: 'must not be greater than max - min' }] }))
    renderApp('/bots/b1/memory')
    const step = await screen.findByLabelText('Most change per turn')
    await userEvent.clear(step)
    await userEvent.type(step, '500')
    await userEvent.click(screen.getByRole('button', { name: 'Save fields' }))

    expect(await screen.findAllByText('must not be greater than max - min')).not.toHaveLength(0)
  })

  it('speaks Traditional Chinese', async () => {
    signIn()
    await i18n.changeLanguage('zh-Hant')
    fakeApi(meRoute, botRoute, route('GET', FIELDS, 200, { botId: 'b1', fields: [favorability], updateMode: 'json_block' }), stats(12))
    renderApp('/bots/b1/memory')
    expect(await screen.findByRole('link', { name: '記憶' })).toBeInTheDocument()
    expect(await screen.findByText('40 位中的 12 位')).toBeInTheDocument()
    expect(await screen.findByLabelText('每輪最多變動')).toHaveValue(5)
    expect(screen.getByLabelText('模型更新的方式')).toHaveValue('json_block')
  })
})

describe('memory in the contact panel', () => {
  it('shows values and their history, and lets an agent set a value', async () => {
    sessionStore.write(tokens())
    const memory = (value: number) => ({
      bots: [{ botId: 'b1', botName: 'Aki', fields: [favorability, { name: 'mood', type: 'enum', scope: 'conversation', values: ['calm', 'sad'], defaultValue: 'calm' }],
        values: [{ botId: 'b1', field: 'favorability', value, updatedAt: '2026-12-07T08:00:00Z' }] }],
      history: [{ id: 'h1', botId: 'b1', field: 'favorability', oldValue: 50, newValue: 55, source: 'llm', changedAt: '2026-12-07T08:00:00Z' }],
    })
    const api = fakeApi(...workspace(), route('GET', '/api/v1/contacts/k1/memory', 200, memory(55)),
      route('PATCH', /^\/api\/v1\/contacts\/k1\/memory\?botId=b1$/, 200, memory(70)),
      route('GET', /^\/api\/v1\/conversations\?contactId=k1/, 200, { items: [conversation()], nextCursor: null }))
    renderApp('/contacts/k1')
    const panel = await screen.findByRole('region', { name: 'Contact' })
    expect(await within(panel).findByText('55')).toBeInTheDocument()
    expect(within(panel).getByText('calm (default)')).toBeInTheDocument()
    expect(within(panel).getByText(/favorability: 50 → 55 by the LLM/)).toBeInTheDocument()

    await userEvent.type(within(panel).getByLabelText('Set favorability'), '70')
    await userEvent.click(within(panel).getByRole('button', { name: 'Set' }))

    expect(await within(panel).findByText('70')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'PATCH' && r.path.includes('/memory'))?.body).toEqual({ favorability: 70 })
  })
})
