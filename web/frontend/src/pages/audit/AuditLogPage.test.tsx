import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { fakeApi, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { toCsv } from './auditSentence'

const entry = (id: string, action: string, overrides: Record<string, unknown> = {}) => ({
  id, actor: { type: 'user', id: 'u1', label: 'ann@example.com' }, action, targetType: action.split('.')[0],
  targetId: '0193aaaa-0000-7000-8000-000000000001', details: {}, ip: '203.0.113.9', createdAt: '2026-12-01T09:30:00Z', ...overrides,
})
const members = route('GET', /^\/api\/v1\/members/, 200, { items: [
  { tenantId: 't1', userId: 'u1', role: 'owner', email: 'ann@example.com', displayName: 'Ann', createdAt: '2026-11-20T10:00:00Z' },
  { tenantId: 't1', userId: 'u2', role: 'agent', email: 'ben@example.com', displayName: 'Ben', createdAt: '2026-11-20T10:00:00Z' },
], nextCursor: null })
const LOG = /^\/api\/v1\/audit-log/

afterEach(() => { void i18n.changeLanguage('en') })

describe('the audit log', () => {
  it('reads as sentences with names instead of codes and ids', async () => {
    signIn()
    fakeApi(meRoute, members, route('GET', LOG, 200, { items: [
      entry('a1', 'conversation.taken_over'),
      entry('a2', 'bot.created', { details: { name: 'Lumi' } }),
      entry('a3', 'member.role_changed', { targetId: 'u2', details: { from: 'viewer', to: 'agent' } }),
      entry('a4', 'api_key.created', { actor: { type: 'system', id: null, label: null } }),
    ], nextCursor: null }))
    renderApp('/settings/audit-log')

    expect(await screen.findByText('Ann took over a conversation')).toBeInTheDocument()
    expect(screen.getByText('Ann created a bot “Lumi”')).toBeInTheDocument()
    expect(screen.getByText('Ann changed the role of a member “Ben”')).toBeInTheDocument()
    expect(screen.getByText('Parley created an API key')).toBeInTheDocument()
    expect(screen.queryByText(/0193aaaa/)).not.toBeInTheDocument()
    expect(screen.queryByText('conversation.taken_over')).not.toBeInTheDocument()
  })

  it('reads the newer actions as sentences too: identity secret, summary, knowledge sources, opt-in, SSO', async () => {
    signIn()
    fakeApi(meRoute, members, route('GET', LOG, 200, { items: [
      entry('b1', 'channel.identity_secret_rotated'),
      entry('b2', 'conversation.summary_updated'),
      entry('b3', 'knowledge.source_created', { targetType: 'knowledge_source' }),
      entry('b4', 'knowledge.source_reindexed', { targetType: 'knowledge_source' }),
      entry('b5', 'contact.opted_in'),
      entry('b6', 'broadcast.scheduled'),
      entry('b7', 'tenant.sso_optional'),
    ], nextCursor: null }))
    renderApp('/settings/audit-log')

    expect(await screen.findByText('Ann rotated the identity secret of a channel')).toBeInTheDocument()
    expect(screen.getByText('Ann changed the summary of a conversation')).toBeInTheDocument()
    expect(screen.getByText('Ann added a source to the knowledge base')).toBeInTheDocument()
    expect(screen.getByText('Ann re-indexed a source of the knowledge base')).toBeInTheDocument()
    expect(screen.getByText('Ann opted in a contact')).toBeInTheDocument()
    expect(screen.getByText('Ann scheduled a broadcast')).toBeInTheDocument()
    expect(screen.getByText('Ann made single sign-on optional for the workspace')).toBeInTheDocument()
    expect(screen.queryByText(/: [a-z_]+\.[a-z_]+$/)).not.toBeInTheDocument() // no entry fell back to its code
  })

  it('says the same in Traditional Chinese', async () => {
    signIn()
    await i18n.changeLanguage('zh-Hant')
    fakeApi(meRoute, members, route('GET', LOG, 200, { items: [entry('a2', 'bot.created', { details: { name: 'Lumi' } })], nextCursor: null }))
    renderApp('/settings/audit-log')

    expect(await screen.findByText('Ann 建立了機器人「Lumi」')).toBeInTheDocument()
  })

  it('filters by person, area and dates through the API', async () => {
    signIn()
    const api = fakeApi(meRoute, members, route('GET', LOG, 200, { items: [], nextCursor: null }))
    renderApp('/settings/audit-log')

    await screen.findByRole('option', { name: 'Ben' })
    await userEvent.selectOptions(screen.getByLabelText('Person'), 'Ben')
    await userEvent.selectOptions(screen.getByLabelText('Area'), 'Conversations')
    await userEvent.type(screen.getByLabelText('From'), '2026-12-01')

    await waitFor(() => {
      const last = new URL(`http://x${api.requests.filter((r) => LOG.test(r.path)).at(-1)?.path}`).searchParams
      expect(last.get('actorId')).toBe('u2')
      expect(last.get('action')).toBe('conversation.')
      expect(last.get('from')).toBe(new Date('2026-12-01T00:00:00').toISOString())
    })
    expect(await screen.findByText('No entries match these filters.')).toBeInTheDocument()
  })

  it('writes CSV that spreadsheets read safely', () => {
    expect(toCsv([['When', 'What'], ['2026-12-01', 'Ann said "hi"'], ['=SUM(A1)', '建立']]))
      .toBe('\uFEFF"When","What"\r\n"2026-12-01","Ann said ""hi"""\r\n"\'=SUM(A1)","建立"\r\n')
  })
})
