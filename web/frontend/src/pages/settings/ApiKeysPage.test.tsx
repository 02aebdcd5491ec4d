import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'

const me = route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }] })
const key = { id: 'k1', name: 'CRM sync', role: 'admin', prefix: 'prly_AbCd', createdAt: '2026-11-20T10:00:00Z', lastUsedAt: null, revokedAt: null }

describe('API keys page', () => {
  it('creates a key and shows its secret once, then never again', async () => {
    sessionStore.write(tokens())
    let listed = [] as unknown[]
    const api = fakeApi(me,
      (r) => (r.method === 'GET' && r.path.startsWith('/api/v1/api-keys') ? { status: 200, body: { items: listed, nextCursor: null } } : undefined),
      (r) => {
        if (r.method !== 'POST' || r.path !== '/api/v1/api-keys') return undefined
        listed = [key]
        return { status: 201, body: { ...key, key: 'prly_AbCdSECRETSECRET' } }
      })
    renderApp('/settings/api-keys')
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Create API key' }))
    const dialog = screen.getByRole('dialog', { hidden: true })
    await userEvent.type(within(dialog).getByLabelText('Name'), 'CRM sync')
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'agent')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key', hidden: true }))

    expect(await screen.findByLabelText('New API key')).toHaveTextContent('prly_AbCdSECRETSECRET')
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'CRM sync', role: 'agent' })
    expect(await screen.findByRole('cell', { name: 'CRM sync' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'I have copied it' }))
    expect(screen.queryByText(/SECRETSECRET/)).not.toBeInTheDocument()
  })

  it('revokes a key only after confirmation', async () => {
    sessionStore.write(tokens())
    const api = fakeApi(me, route('GET', /^\/api\/v1\/api-keys/, 200, { items: [key], nextCursor: null }),
      route('DELETE', '/api/v1/api-keys/k1', 204))
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true)
    renderApp('/settings/api-keys')
    const revoke = await screen.findByRole('button', { name: 'Revoke' })

    await userEvent.click(revoke)
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false)
    await userEvent.click(revoke)
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/api-keys/k1')).toBe(true))
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('CRM sync'))
  })
})
