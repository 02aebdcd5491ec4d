import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { fakeApi, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { PATH, page } from './setupPageFixture'

const CODE = `${PATH}/access-code`
const asked = page({ accessCodeAsked: true })
const refused = (message: string) => ({
  type: 'https://parley.dev/problems/validation-failed', title: 'Validation failed', status: 400,
  detail: `code: ${message}`, errors: [{ field: 'code', message }],
})

describe('the access code on the setup page', () => {
  it('redeems the code the contact types and says they can chat', async () => {
    const api = fakeApi(route('GET', PATH, 200, asked), route('POST', CODE, 200, page({ accessCodeAsked: true, accessCodeRedeemed: true })))
    renderApp('/setup/pst_abc.sig')

    await userEvent.type(await screen.findByLabelText('Your access code'), ' k7qm 2xrt 94hp ')
    await userEvent.click(screen.getByRole('button', { name: 'Use this code' }))

    expect(await screen.findByText('Code accepted. You can chat now.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ code: 'k7qm 2xrt 94hp' })
    expect(screen.queryByLabelText('Your access code')).not.toBeInTheDocument()
  })

  it('puts the reason a code was refused next to the field', async () => {
    fakeApi(route('GET', PATH, 200, asked), route('POST', CODE, 400,
      refused('This code does not work: it is unknown, used up, expired or revoked. Check it and try again.')))
    renderApp('/setup/pst_abc.sig')

    await userEvent.type(await screen.findByLabelText('Your access code'), 'AAAA-BBBB-CCCC')
    await userEvent.click(screen.getByRole('button', { name: 'Use this code' }))

    const field = screen.getByLabelText('Your access code')
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(field).toHaveAccessibleDescription(/unknown, used up, expired or revoked/)
  })

  it('explains too many wrong codes above the field', async () => {
    fakeApi(route('GET', PATH, 200, asked), route('POST', CODE, 429, {
      type: 'https://parley.dev/problems/rate-limited', title: 'Too many requests', status: 429,
      detail: 'Too many wrong codes. Please try again later.',
    }))
    renderApp('/setup/pst_abc.sig')

    await userEvent.type(await screen.findByLabelText('Your access code'), 'K7QM-2XRT-94HP')
    await userEvent.click(screen.getByRole('button', { name: 'Use this code' }))

    expect(await screen.findByText(/Too many wrong codes/)).toBeInTheDocument()
  })

  it('shows a note instead of the field once a code was redeemed, and nothing when the bot asks for none', async () => {
    fakeApi(route('GET', PATH, 200, page({ accessCodeAsked: true, accessCodeRedeemed: true })))
    const view = renderApp('/setup/pst_abc.sig')
    expect(await screen.findByText('Your access code is active.')).toBeInTheDocument()
    expect(screen.queryByLabelText('Your access code')).not.toBeInTheDocument()
    view.unmount()

    fakeApi(route('GET', PATH, 200, page()))
    renderApp('/setup/pst_abc.sig')
    expect(await screen.findByLabelText('What should your companion call you?')).toBeInTheDocument()
    expect(screen.queryByText('Access code')).not.toBeInTheDocument()
    expect(screen.queryByText('Your access code is active.')).not.toBeInTheDocument()
  })

  it('speaks Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-Hant')
    fakeApi(route('GET', PATH, 200, asked))
    const view = renderApp('/setup/pst_abc.sig')

    expect(await screen.findByLabelText('你的存取代碼')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '使用這個代碼' })).toBeInTheDocument()
    view.unmount()
    await i18n.changeLanguage('en')
  })
})
