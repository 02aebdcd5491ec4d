import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { sessionStore } from '../../api/session'

describe('sign in', () => {
  it('signs in, keeps the session and goes where the visitor was heading', async () => {
    const api = fakeApi(
      route('POST', '/api/v1/auth/login', 200, tokens()),
      route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }] }),
      route('GET', /^\/api\/v1\/audit-log/, 200, { items: [], nextCursor: null }),
    )
    const { router } = renderApp('/settings/audit-log')
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))

    await userEvent.type(screen.getByLabelText('Email'), 'owner@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/audit-log'))
    expect(api.requests.find((r) => r.method === 'POST')).toMatchObject({ method: 'POST', path: '/api/v1/auth/login', body: { email: 'owner@example.com', password: 'correct horse battery' } })
    expect(sessionStore.read()?.refreshToken).toBe('refresh-1')
    await waitFor(() => expect(api.requests.find((r) => r.path.startsWith('/api/v1/audit-log'))?.authorization).toBe('Bearer access-1'))
  })

  it('keeps all of the page in landmarks: the form in main, the API docs link and the language switch in a footer', async () => {
    fakeApi()
    renderApp('/sign-in')

    const main = await screen.findByRole('main')
    expect(within(main).getByRole('heading', { level: 1 })).toBeInTheDocument()
    const footer = screen.getByRole('contentinfo')
    expect(within(footer).getByRole('link', { name: 'API documentation' })).toBeInTheDocument()
    expect(within(footer).getByRole('combobox', { name: 'Language' })).toBeInTheDocument()
  })

  it('shows the server\'s reason when the password is wrong and stays signed out', async () => {
    fakeApi(route('POST', '/api/v1/auth/login', 401, {
      type: 'https://parley.dev/problems/invalid-credentials', title: 'Invalid credentials', status: 401,
      detail: 'Email or password is wrong',
    }))
    renderApp('/sign-in')
    await userEvent.type(screen.getByLabelText('Email'), 'owner@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password!')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is wrong')
    expect(sessionStore.read()).toBeNull()
  })

  it('puts each validation error next to its field on sign up', async () => {
    fakeApi(route('POST', '/api/v1/auth/signup', 400, {
      type: 'https://parley.dev/problems/validation-failed', title: 'Validation failed', status: 400,
      detail: 'password: must be 10 to 72 characters', errors: [{ field: 'password', message: 'must be 10 to 72 characters' }],
    }))
    renderApp('/sign-up')
    await userEvent.type(screen.getByLabelText('Business name'), 'Acme')
    await userEvent.type(screen.getByLabelText('Email'), 'owner@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'short')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))

    const password = screen.getByLabelText('Password')
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'))
    expect(password).toHaveAccessibleDescription(/must be 10 to 72 characters/)
  })
})
