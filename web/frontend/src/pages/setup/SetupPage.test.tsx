import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { fakeApi, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { PATH, page } from './setupPageFixture'

describe('the persona setup page', () => {
  it('lets the contact describe their character and confirms the bot will message them', async () => {
    const api = fakeApi(route('GET', PATH, 200, page()), route('POST', PATH, 200, page({ personaOverride: 'A calm mentor' })))
    renderApp('/setup/pst_abc.sig')

    expect(await screen.findByText('Hi 陳小美! Tell us who you would like to talk to.')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('What should your companion call you?'), 'Mei')
    await userEvent.type(screen.getByLabelText('Describe the character you want'), 'A calm mentor')
    await userEvent.click(screen.getByRole('button', { name: 'Save my companion' }))

    expect(await screen.findByText(/will message you in the chat app where you got this link/)).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      attributes: { nickname: 'Mei' }, personaOverride: 'A calm mentor',
    })
  })

  it('promises no message when no flow of the bot sends one after the setup page', async () => {
    fakeApi(route('GET', PATH, 200, page({ messageAfterSubmit: false })),
      route('POST', PATH, 200, page({ messageAfterSubmit: false })))
    renderApp('/setup/pst_abc.sig')

    await userEvent.type(await screen.findByLabelText('What should your companion call you?'), 'Mei')
    await userEvent.click(screen.getByRole('button', { name: 'Save my companion' }))

    expect(await screen.findByText(/Go back to the chat app where you got this link/)).toBeInTheDocument()
    expect(screen.queryByText(/will message you/)).not.toBeInTheDocument()
  })

  it('sends only the attributes that changed, and clears one that was emptied', async () => {
    const api = fakeApi(route('GET', PATH, 200, page({ attributes: { nickname: 'Mei', city: 'Taipei', age: 30 },
      fields: [{ key: 'nickname', editable: true }, { key: 'city', editable: true }, { key: 'age', editable: true }] })),
      route('POST', PATH, 200, page()))
    renderApp('/setup/pst_abc.sig')

    await userEvent.clear(await screen.findByLabelText('city'))
    await userEvent.click(screen.getByRole('button', { name: 'Save my companion' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      attributes: { city: null }, personaOverride: '',
    }))
    expect(await screen.findByText('All set!')).toBeInTheDocument()
  })

  it("shows the bot's fields with the tenant's labels, read-only ones unchangeable, and its text after saving", async () => {
    const shown = page({
      attributes: { sign: 'Leo' }, allowPersonaOverride: false, doneText: { en: 'Saved! Go back to LINE.' },
      fields: [{ key: 'nickname', label: { en: 'Your name', 'zh-Hant': '你的名字' }, editable: true },
        { key: 'sign', label: { 'zh-Hant': '星座' }, editable: false }] })
    const api = fakeApi(route('GET', PATH, 200, shown), route('POST', PATH, 200, shown))
    renderApp('/setup/pst_abc.sig')

    await userEvent.type(await screen.findByLabelText('Your name'), 'Mei')
    expect(screen.getByLabelText('星座')).toHaveAttribute('readonly')
    expect(screen.getByLabelText('星座')).toHaveValue('Leo')
    expect(screen.queryByLabelText('Describe the character you want')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save my companion' }))

    expect(await screen.findByText('Saved! Go back to LINE.')).toBeInTheDocument()
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ attributes: { nickname: 'Mei' } })
  })

  it('explains what to do when the link has expired', async () => {
    fakeApi(route('GET', PATH, 401, {
      type: 'https://parley.dev/problems/invalid-token', title: 'Invalid token', status: 401, detail: 'The setup link expired.',
    }))
    renderApp('/setup/pst_abc.sig')

    expect(await screen.findByRole('heading', { name: 'This link no longer works' })).toBeInTheDocument()
    expect(screen.getByText(/ask for a new link/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save my companion' })).not.toBeInTheDocument()
  })

  it('puts the server\'s objection next to the character description', async () => {
    fakeApi(route('GET', PATH, 200, page()), route('POST', PATH, 400, {
      type: 'https://parley.dev/problems/validation-failed', title: 'Validation failed', status: 400,
      detail: 'personaOverride: unknown placeholder {{order}}',
      errors: [{ field: 'personaOverride', message: 'unknown placeholder {{order}}' }],
    }))
    renderApp('/setup/pst_abc.sig')

    await userEvent.type(await screen.findByLabelText('Describe the character you want'), 'Talks about {{{{order}}')
    await userEvent.click(screen.getByRole('button', { name: 'Save my companion' }))

    const field = screen.getByLabelText('Describe the character you want')
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(field).toHaveAccessibleDescription(/unknown placeholder \{\{order\}\}/)
  })

  it('speaks Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-Hant')
    fakeApi(route('GET', PATH, 200, page()))
    const view = renderApp('/setup/pst_abc.sig')

    expect(await screen.findByRole('heading', { name: '打造你的聊天夥伴' })).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: '儲存我的夥伴' })).toBeInTheDocument()
    view.unmount()
    await i18n.changeLanguage('en')
  })

  it('shows what the bot remembers that the contact may see, read-only', async () => {
    fakeApi(route('GET', PATH, 200, page({ memory: [
      { name: 'favorability', description: 'How much I like you', value: 72 },
      { name: 'metInPerson', value: false },
    ] })))
    renderApp('/setup/pst_abc.sig')

    const memory = await screen.findByRole('region', { name: 'What your companion remembers about you' })
    expect(memory).toHaveTextContent('favorability — How much I like you72')
    expect(memory).toHaveTextContent('metInPersonno')
    expect(memory.querySelector('input, textarea')).toBeNull()
  })

  it('shows no memory section when the bot lets the contact see none', async () => {
    fakeApi(route('GET', PATH, 200, page()))
    renderApp('/setup/pst_abc.sig')

    await screen.findByLabelText('What should your companion call you?')
    expect(screen.queryByText('What your companion remembers about you')).not.toBeInTheDocument()
  })
})
