import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, validationFailed, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from './sampleBot'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())

describe('bot settings', () => {
  it('saves every setting in one PATCH, inserting a placeholder at the cursor and keeping the stored API key', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('PATCH', '/api/v1/bots/b1', 200, sampleBot({ persona: 'Hi {{contact.displayName}}!' })))
    renderApp('/bots/b1')

    const persona = await screen.findByLabelText('System prompt')
    await userEvent.clear(persona)
    await userEvent.type(persona, 'Hi !')
    ;(persona as HTMLTextAreaElement).setSelectionRange(3, 3)
    const personaSection = screen.getByRole('region', { name: 'Persona' })
    await userEvent.click(within(personaSection).getByRole('button', { name: /\{\{contact\.displayName\}\}/ }))
    expect(persona).toHaveValue('Hi {{contact.displayName}}!')

    await userEvent.clear(screen.getByLabelText('Temperature'))
    await userEvent.type(screen.getByLabelText('Temperature'), '1.2')
    await userEvent.selectOptions(screen.getByLabelText('Convert replies to'), 'zh-Hant')
    await userEvent.type(screen.getByLabelText('Per day'), '100')
    await userEvent.type(screen.getByLabelText('Quota message'), 'Fully booked this month.')
    await userEvent.type(screen.getByLabelText('"A person will answer" text'), 'Mei replies within the hour.')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText(/^Saved\./)).toBeInTheDocument()
    const patch = api.requests.find((r) => r.method === 'PATCH')
    expect(patch?.body).toMatchObject({
      name: 'Lumi', status: 'active', persona: 'Hi {{contact.displayName}}!', outputConversion: 'zh-Hant', historyWindow: 10,
      quotaMessage: 'Fully booked this month.', handoffText: 'Mei replies within the hour.',
      llm: { provider: 'openai-compatible', model: 'gpt-4o-mini', temperature: 1.2, maxTokens: 512 },
      limits: { perHour: 20, perDay: 100, tiers: { premium: { perHour: null, perDay: null } } },
    })
    expect(patch?.body).not.toHaveProperty('llm.apiKey')
  })

  it('removes a deleted tier with null, since the API merges tiers one by one', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('PATCH', '/api/v1/bots/b1', 200, sampleBot()))
    renderApp('/bots/b1')

    await userEvent.click(await screen.findByRole('button', { name: 'Remove tier premium' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({ limits: { tiers: { premium: null } } }))
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).not.toHaveProperty('moderation') // its own card saves it
  })

  it('sends a replaced API key, and shows that one is stored without revealing it', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('PATCH', '/api/v1/bots/b1', 200, sampleBot()))
    renderApp('/bots/b1')

    expect(await screen.findByText('…x7Qa')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Replace key' }))
    await userEvent.type(screen.getByLabelText('API key'), 'sk-new-secret')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({ llm: { apiKey: 'sk-new-secret' } }))
  })

  it('puts each field error from the API next to its field', async () => {
    signIn()
    fakeApi(meRoute, botRoute, route('PATCH', '/api/v1/bots/b1', 400, validationFailed({
      'llm.baseUrl': 'must be an http(s) URL such as https://api.openai.com/v1',
      persona: 'unknown placeholder {{contact.nickname}}',
    })))
    renderApp('/bots/b1')

    await userEvent.click(await screen.findByRole('button', { name: 'Save' }))

    const baseUrl = screen.getByLabelText('Base URL')
    await waitFor(() => expect(baseUrl).toHaveAttribute('aria-invalid', 'true'))
    expect(baseUrl).toHaveAccessibleDescription(/must be an http\(s\) URL/)
    expect(screen.getByLabelText('System prompt')).toHaveAccessibleDescription(/unknown placeholder \{\{contact.nickname\}\}/)
  })

  it('deletes the bot only after confirmation, then goes back to the list', async () => {
    signIn()
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    vi.stubGlobal('confirm', confirm)
    const api = fakeApi(meRoute, botRoute, route('DELETE', '/api/v1/bots/b1', 204),
      route('GET', /^\/api\/v1\/bots(\?|$)/, 200, { items: [], nextCursor: null }))
    const { router } = renderApp('/bots/b1')

    const remove = await screen.findByRole('button', { name: 'Delete bot' })
    await userEvent.click(remove)
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false)
    await userEvent.click(remove)

    await waitFor(() => expect(router.state.location.pathname).toBe('/bots'))
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Delete "Lumi"'))
  })

  it('shows a viewer the settings without letting them change anything', async () => {
    signIn()
    fakeApi(botRoute, route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'viewer' }] }))
    renderApp('/bots/b1')

    expect(await screen.findByText(/only owners and admins can change them/)).toBeInTheDocument()
    expect(screen.getByLabelText('System prompt')).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Delete bot' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Test chat' })).not.toBeInTheDocument()
  })

  it('asks before leaving with changes that are not saved', async () => {
    signIn()
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    vi.stubGlobal('confirm', confirm)
    fakeApi(meRoute, botRoute, route('GET', /^\/api\/v1\/bots\/b1\/channels/, 200, { items: [], nextCursor: null }))
    const { router } = renderApp('/bots/b1')

    await userEvent.type(await screen.findByLabelText('Welcome message'), ' Hi!')
    const channels = within(screen.getByRole('navigation', { name: 'Bot sections' })).getByRole('link', { name: 'Channels' })
    await userEvent.click(channels)

    expect(confirm).toHaveBeenCalledWith('You have changes that are not saved. Leave anyway?')
    expect(router.state.location.pathname).toBe('/bots/b1')
    await userEvent.click(channels)
    await waitFor(() => expect(router.state.location.pathname).toBe('/bots/b1/channels'))
  })
})
