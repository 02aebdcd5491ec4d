import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sessionStore } from '../../api/session'
import { sampleBot } from '../bots/sampleBot'
import { batchCsv } from './csv'
import i18n from '../../i18n'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const batch = { id: 'a1', botId: 'b1', name: 'Class 3B', count: 2, maxUses: 1, expiresAt: null, grants: { tier: 'student' },
  uses: 1, revokedCodes: 0, createdAt: '2026-12-07T08:00:00Z', revokedAt: null }
const list = (items: unknown[]) => route('GET', /^\/api\/v1\/bots\/b1\/access-codes\/batches/, 200, { items, nextCursor: null })

afterEach(() => { void i18n.changeLanguage('en') })

describe('access codes section', () => {
  it('generates a batch, shows its codes once and downloads them as CSV', async () => {
    signIn()
    let items: unknown[] = []
    const api = fakeApi(meRoute, botRoute,
      (r) => (r.method === 'GET' && r.path.startsWith('/api/v1/bots/b1/access-codes/batches') ? { status: 200, body: { items, nextCursor: null } } : undefined),
      (r) => {
        if (r.method !== 'POST' || r.path !== '/api/v1/bots/b1/access-codes/batches') return undefined
        items = [batch]
        return { status: 201, body: { batch, codes: ['K7QM-2XRT-94HP', 'ABCD-EFGH-JKMN'] } }
      })
    const blobs: Blob[] = []
    URL.createObjectURL = vi.fn((blob: Blob) => { blobs.push(blob); return 'blob:codes' })
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderApp('/bots/b1/access-codes')
    expect(await screen.findByText('No codes yet')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Generate codes' }))
    await userEvent.type(screen.getByLabelText('Batch name'), 'Class 3B')
    await userEvent.clear(screen.getByLabelText('Number of codes'))
    await userEvent.type(screen.getByLabelText('Number of codes'), '2')
    await userEvent.type(screen.getByLabelText('Set tier (optional)'), 'student')
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }))

    expect(await screen.findByLabelText('The codes, one per line')).toHaveValue('K7QM-2XRT-94HP\nABCD-EFGH-JKMN')
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Class 3B', count: 2, maxUses: 1, grants: { tier: 'student' } })
    expect(await screen.findByRole('cell', { name: 'Class 3B' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    expect(click).toHaveBeenCalled()
    expect(await blobs[0].text()).toBe('code,batch,maxUses,expiresAt\r\nK7QM-2XRT-94HP,Class 3B,1,\r\nABCD-EFGH-JKMN,Class 3B,1,\r\n')

    await userEvent.click(screen.getByRole('button', { name: 'I have saved them' }))
    expect(screen.queryByText(/K7QM/)).not.toBeInTheDocument()
  })

  it('revokes a batch only after confirmation, and finds and revokes one code', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, list([batch]),
      route('DELETE', '/api/v1/bots/b1/access-codes/batches/a1', 204),
      route('POST', '/api/v1/bots/b1/access-codes/lookup', 200, { id: 'c9', batchId: 'a1', maxUses: 1, uses: 1,
        expiresAt: null, revokedAt: null, createdAt: '2026-12-07T08:00:00Z', status: 'used_up' }),
      route('DELETE', '/api/v1/bots/b1/access-codes/c9', 204))
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true)
    renderApp('/bots/b1/access-codes')

    const revoke = await screen.findByRole('button', { name: 'Revoke batch Class 3B' })
    await userEvent.click(revoke)
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false)
    await userEvent.click(revoke)
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/batches/a1'))).toBe(true))
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Class 3B'))

    const lookup = screen.getByRole('textbox', { name: /Find a code/ })
    await userEvent.type(lookup, 'k7qm 2xrt 94hp')
    await userEvent.click(screen.getByRole('button', { name: 'Find' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Code of batch "Class 3B": Used up, redeemed 1 of 1.')
    expect(api.requests.find((r) => r.path.endsWith('/lookup'))?.body).toEqual({ code: 'k7qm 2xrt 94hp' })
    await userEvent.click(screen.getByRole('button', { name: 'Revoke this code' }))
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/access-codes/c9'))).toBe(true))
  })

  it('shows viewers the batches without the generate and revoke buttons, in Traditional Chinese too', async () => {
    sessionStore.write(tokens())
    fakeApi(route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'viewer' }] }),
      botRoute, list([batch]))
    await i18n.changeLanguage('zh-Hant')
    renderApp('/bots/b1/access-codes')

    const row = (await screen.findByRole('cell', { name: 'Class 3B' })).closest('tr') as HTMLElement
    expect(within(row).getByText('有效')).toBeInTheDocument()
    expect(screen.getByText('只有擁有者和管理員可以產生或撤銷存取碼。')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '產生存取碼' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /撤銷/ })).not.toBeInTheDocument()
  })

  it('writes CSV cells a spreadsheet cannot run as formulas', () => {
    expect(batchCsv(['AAAA-BBBB-CCCC'], '=cmd|"x"', 3, '2027-01-01T00:00:00Z'))
      .toBe('code,batch,maxUses,expiresAt\r\nAAAA-BBBB-CCCC,"\'=cmd|""x""",3,2027-01-01T00:00:00Z\r\n')
  })
})
