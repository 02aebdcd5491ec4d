import { afterEach, describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'
import i18n from '../../i18n'

const SUMMARY = '/api/v1/conversations/c1/summary'
const summary = (text: string, source: 'llm' | 'agent') => ({
  summary: text, source, model: source === 'llm' ? 'gpt-4o-mini' : null, upToMessageId: 'm1', updatedAt: '2026-12-07T08:00:00Z',
})
const inbox = (role = 'agent') => [...workspace(role),
  route('GET', '/api/v1/conversations/c1', 200, conversation()),
  route('POST', '/api/v1/conversations/c1/read', 200, conversation()),
  route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, { items: [message('m1', 'Where is my order?')], nextCursor: null }),
  route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, { items: [conversation()], nextCursor: null })]

afterEach(() => { void i18n.changeLanguage('en') })

describe('the conversation summary in the inbox contact panel', () => {
  it('shows what the bot remembers and lets an agent correct it', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(...inbox(), route('GET', SUMMARY, 200, summary('Ming waits for order A-100.', 'llm')),
      route('PUT', SUMMARY, 200, summary('Ming waits for order A-100, shipped Monday.', 'agent')))
    renderApp('/inbox/c1')
    const panel = await screen.findByRole('region', { name: 'Contact' })
    expect(await within(panel).findByText('Ming waits for order A-100.')).toBeInTheDocument()
    expect(within(panel).getByText(/Summarized by gpt-4o-mini/)).toBeInTheDocument()

    await userEvent.click(within(panel).getByRole('button', { name: 'Edit summary' }))
    const box = within(panel).getByLabelText('Summary')
    await userEvent.clear(box)
    await userEvent.type(box, 'Ming waits for order A-100, shipped Monday.')
    await userEvent.click(within(panel).getByRole('button', { name: 'Save summary' }))

    expect(await within(panel).findByText('Ming waits for order A-100, shipped Monday.')).toBeInTheDocument()
    expect(within(panel).getByText(/Edited by an agent/)).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({ summary: 'Ming waits for order A-100, shipped Monday.' })
  })

  it('offers a viewer no edit and says when there is no summary yet', async () => {
    sessionStore.write(tokens())
    fakeApi(...inbox('viewer'), route('GET', SUMMARY, 200, { summary: '', source: null, model: null, upToMessageId: null, updatedAt: null }))
    renderApp('/inbox/c1')
    const panel = await screen.findByRole('region', { name: 'Contact' })
    expect(await within(panel).findByText(/No summary yet/)).toBeInTheDocument()
    expect(within(panel).queryByRole('button', { name: 'Edit summary' })).not.toBeInTheDocument()
  })

  it('speaks Traditional Chinese', async () => {
    sessionStore.write(tokens())
    await i18n.changeLanguage('zh-Hant')
    fakeApi(...inbox(), route('GET', SUMMARY, 200, summary('小明在等訂單 A-100。', 'llm')))
    renderApp('/inbox/c1')
    expect(await screen.findByText('對話摘要')).toBeInTheDocument()
    expect(await screen.findByText('小明在等訂單 A-100。')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '編輯摘要' })).toBeInTheDocument()
  })
})
