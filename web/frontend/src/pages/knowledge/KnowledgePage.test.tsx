import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'
import i18n from '../../i18n'
import { uploads } from './knowledgeData'

const BASE = '/api/v1/bots/b1/knowledge'
const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const settings = (enabled: boolean) => route('GET', `${BASE}/settings`, 200, { enabled, topK: 4, minScore: 0 })
const source = (overrides: Record<string, unknown> = {}) => ({
  id: 's1', botId: 'b1', type: 'file', title: 'guide.md', status: 'ready', error: null, chunkCount: 3, sizeBytes: 120,
  question: null, answer: null, fileName: 'guide.md', mediaType: 'text/markdown', url: null, indexedAt: '2026-12-07T08:00:00Z',
  createdAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z', ...overrides,
})
const sources = (...items: unknown[]) => route('GET', /\/knowledge\/sources\?/, 200, { items, nextCursor: null })

afterEach(() => {
  void i18n.changeLanguage('en')
  vi.restoreAllMocks()
})

describe('the bot\'s knowledge base page', () => {
  it('lists sources with their status and the reason one failed', async () => {
    signIn()
    fakeApi(meRoute, botRoute, settings(true), sources(source(),
      source({ id: 's2', type: 'url', title: 'https://example.com/faq', url: 'https://example.com/faq', status: 'failed', error: 'The page answered HTTP 404.', chunkCount: 0 })))
    renderApp('/bots/b1/knowledge')

    const table = await screen.findByRole('table', { name: 'Sources' })
    expect(within(table).getByRole('row', { name: /guide\.md File Ready 3/ })).toBeInTheDocument()
    expect(within(table).getByText('Failed')).toBeInTheDocument()
    expect(within(table).getByText('The page answered HTTP 404.')).toBeInTheDocument()
    expect(screen.getByLabelText('Answer from the knowledge base')).toBeChecked()
  })

  it('adds a Q&A pair and shows a problem next to its field', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, settings(false), sources(),
      (r) => (r.method === 'POST' && r.path === `${BASE}/sources` && (r.body as { answer: string }).answer === ''
        ? { status: 400, body: validationFailed({ answer: 'must not be blank' }) } : undefined),
      route('POST', `${BASE}/sources`, 201, source({ type: 'qa', title: 'Do you deliver?', status: 'pending' })))
    renderApp('/bots/b1/knowledge')

    const card = await screen.findByRole('region', { name: 'Add a source' })
    await userEvent.type(within(card).getByLabelText('Question'), 'Do you deliver?')
    await userEvent.click(within(card).getByRole('button', { name: 'Add' }))
    expect(await within(card).findByText('must not be blank')).toBeInTheDocument()
    await userEvent.type(within(card).getByLabelText('Answer'), 'Yes, island-wide.')
    await userEvent.click(within(card).getByRole('button', { name: 'Add' }))

    expect(await screen.findByText('Added. It is indexed in the background.')).toBeInTheDocument()
    expect(api.requests.filter((r) => r.method === 'POST').at(-1)?.body)
      .toEqual({ type: 'qa', question: 'Do you deliver?', answer: 'Yes, island-wide.' })
  })

  it('uploads a file as multipart form data', async () => {
    signIn()
    fakeApi(meRoute, botRoute, settings(false), sources())
    const forms: FormData[] = []
    vi.spyOn(uploads, 'file').mockImplementation(((_botId: string, form: FormData) => {
      forms.push(form)
      return Promise.resolve({ data: source({ status: 'pending' }), response: new Response(null, { status: 201 }) })
    }) as never)
    renderApp('/bots/b1/knowledge')

    await userEvent.selectOptions(await screen.findByLabelText('Type'), 'file')
    await userEvent.upload(screen.getByLabelText('File'), new File(['# Hours\nNine to six.'], 'guide.md', { type: 'text/markdown' }))
    await userEvent.click(screen.getByRole('button', { name: 'Add' }))

    expect(await screen.findByText('Added. It is indexed in the background.')).toBeInTheDocument()
    expect((forms[0].get('file') as File).name).toBe('guide.md')
    expect((screen.getByLabelText('File') as HTMLInputElement).files ?? []).toHaveLength(0)
  })

  it('turns the knowledge base on with its settings', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, settings(false), sources(),
      route('PATCH', `${BASE}/settings`, 200, { enabled: true, topK: 2, minScore: 0 }))
    renderApp('/bots/b1/knowledge')

    await userEvent.click(await screen.findByLabelText('Answer from the knowledge base'))
    const topK = screen.getByLabelText('Excerpts per answer')
    await userEvent.clear(topK)
    await userEvent.type(topK, '2')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Saved. The next answer uses these settings.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: true, topK: 2, minScore: 0 })
  })

  it('shows the excerpts a test question retrieves, numbered as the bot cites them', async () => {
    signIn()
    fakeApi(meRoute, botRoute, settings(true), sources(source()),
      route('POST', `${BASE}/search`, 200, { items: [{ n: 1, sourceId: 's1', reference: 'Shop guide › Opening hours', heading: 'Opening hours', text: 'Nine to six.', score: 1 }] }))
    renderApp('/bots/b1/knowledge')

    const card = await screen.findByRole('region', { name: 'Test a question' })
    await userEvent.type(within(card).getByLabelText('Question'), 'When are you open?')
    await userEvent.click(within(card).getByRole('button', { name: 'Search' }))

    const results = await screen.findByRole('list', { name: 'Excerpts the bot would read' })
    expect(within(results).getByText('[1] Shop guide › Opening hours')).toBeInTheDocument()
    expect(within(results).getByText('Nine to six.')).toBeInTheDocument()
  })

  it('speaks Traditional Chinese', async () => {
    signIn()
    await i18n.changeLanguage('zh-Hant')
    fakeApi(meRoute, botRoute, settings(true), sources(source({ status: 'indexing' })))
    renderApp('/bots/b1/knowledge')

    expect(await screen.findByRole('link', { name: '知識庫' })).toBeInTheDocument()
    expect(await screen.findByText('索引中')).toBeInTheDocument()
    expect(screen.getByLabelText('依知識庫回答')).toBeChecked()
  })
})
