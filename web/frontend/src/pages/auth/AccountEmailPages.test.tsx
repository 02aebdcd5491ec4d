import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { signIn } from '../../test/signedIn'
import { setLanguage } from '../../i18n'

const invalidToken = {
  type: 'https://parley.dev/problems/invalid-token', title: 'Invalid or expired token', status: 401,
  detail: 'This link is invalid, has expired or was already used; ask for a new one.',
}
const unverifiedMe = (required: boolean) => route('GET', '/api/v1/me', 200, {
  user: { id: 'u1', email: 'owner@example.com', emailVerified: false, emailVerificationRequired: required, language: 'en' },
  memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }],
})

afterEach(async () => {
  await setLanguage('en')
})

describe('the verification link', () => {
  it('posts the token from the fragment once and says the address is verified', async () => {
    const api = fakeApi(route('POST', '/api/v1/auth/verify-email', 204))
    renderApp('/verify-email#token=tok-123')

    expect(await screen.findByText(/Your email address is verified/)).toBeInTheDocument()
    expect(api.requests.filter((r) => r.path === '/api/v1/auth/verify-email')).toHaveLength(1)
    expect(api.requests[0].body).toEqual({ token: 'tok-123' })
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
  })

  it('says so when the link was used or expired', async () => {
    fakeApi(route('POST', '/api/v1/auth/verify-email', 401, invalidToken))
    renderApp('/verify-email#token=old')

    expect(await screen.findByRole('alert')).toHaveTextContent('has expired or was already used')
  })

  it('speaks Traditional Chinese', async () => {
    await setLanguage('zh-Hant')
    fakeApi(route('POST', '/api/v1/auth/verify-email', 204))
    renderApp('/verify-email#token=tok-123')

    expect(await screen.findByText(/您的電子郵件地址已驗證/)).toBeInTheDocument()
  })
})

describe('the check-your-inbox banner', () => {
  it('shows while the address is unverified and resends the email', async () => {
    signIn()
    const api = fakeApi(unverifiedMe(true), route('POST', '/api/v1/auth/verify-email/resend', 202),
      route('GET', /^\/api\/v1\//, 200, { items: [], nextCursor: null }))
    renderApp('/settings/api-keys')

    expect(await screen.findByText(/we sent a link to owner@example.com/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Resend the email' }))

    expect(await screen.findByText(/Sent. Check your inbox/)).toBeInTheDocument()
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/api/v1/auth/verify-email/resend')).toBe(true)
  })

  it('is not shown when Parley does not require verification', async () => {
    signIn()
    fakeApi(unverifiedMe(false), route('GET', /^\/api\/v1\//, 200, { items: [], nextCursor: null }))
    renderApp('/settings/api-keys')

    await screen.findAllByText('owner@example.com')
    expect(screen.queryByText(/we sent a link/)).not.toBeInTheDocument()
  })
})

describe('a forgotten password', () => {
  it('is reachable from sign-in and always answers that a link is on its way', async () => {
    const api = fakeApi(route('POST', '/api/v1/auth/forgot-password', 202))
    renderApp('/sign-in')
    await userEvent.click(await screen.findByRole('link', { name: 'Forgot your password?' }))
    await userEvent.type(screen.getByLabelText('Email'), ' someone@example.com ')
    await userEvent.click(screen.getByRole('button', { name: 'Email me a link' }))

    expect(await screen.findByText(/If someone@example.com has a Parley account/)).toBeInTheDocument()
    expect(api.requests.find((r) => r.path === '/api/v1/auth/forgot-password')?.body)
      .toEqual({ email: 'someone@example.com' })
  })

  it('sets the new password with the token of the link, then asks to sign in', async () => {
    const api = fakeApi(route('POST', '/api/v1/auth/reset-password', 204))
    renderApp('/reset-password#token=reset-1')
    await userEvent.type(await screen.findByLabelText(/New password/), 'a brand new passphrase')
    await userEvent.click(screen.getByRole('button', { name: 'Set the password' }))

    expect(await screen.findByText(/Your password is changed/)).toBeInTheDocument()
    expect(api.requests[0].body).toEqual({ token: 'reset-1', password: 'a brand new passphrase' })
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
  })

  it('shows the password rules the API enforces and an expired link', async () => {
    fakeApi(route('POST', '/api/v1/auth/reset-password', 400, validationFailed({ password: 'must be 10 to 72 characters' })))
    renderApp('/reset-password#token=reset-1')
    await userEvent.type(await screen.findByLabelText(/New password/), 'short')
    await userEvent.click(screen.getByRole('button', { name: 'Set the password' }))
    expect(await screen.findByText('must be 10 to 72 characters')).toBeInTheDocument()

    fakeApi(route('POST', '/api/v1/auth/reset-password', 401, invalidToken))
    await userEvent.click(screen.getByRole('button', { name: 'Set the password' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('has expired or was already used'))
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password')
  })
})
