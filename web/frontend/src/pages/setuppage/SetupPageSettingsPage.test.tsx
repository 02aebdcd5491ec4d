import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'

const PATH = '/api/v1/bots/b1/setup-page'
const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())
const defaults = { fields: [{ key: 'nickname', editable: true }], allowPersonaOverride: false }

describe('the bot page setup-page section', () => {
  it("saves the fields in the tenant's words and the persona switch, which starts off", async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('GET', PATH, 200, defaults), route('PUT', PATH, 200, defaults))
    renderApp('/bots/b1/setup-page')

    const persona = await screen.findByLabelText('Let contacts replace the bot’s persona')
    expect(persona).not.toBeChecked()
    const first = screen.getByRole('group', { name: 'Field 1' })
    await userEvent.type(within(first).getByLabelText('Label (Traditional Chinese)'), '暱稱')
    await userEvent.click(screen.getByRole('button', { name: 'Add a field' }))
    const second = screen.getByRole('group', { name: 'Field 2' })
    await userEvent.type(within(second).getByLabelText('Attribute key'), 'sign')
    await userEvent.click(within(second).getByLabelText('The contact may change it'))
    await userEvent.click(persona)
    await userEvent.type(screen.getByLabelText('After saving (English)'), 'Back to LINE!')
    await userEvent.click(screen.getByRole('button', { name: 'Save setup page' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PUT')).toBeDefined())
    expect(api.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      fields: [{ key: 'nickname', label: { 'zh-Hant': '暱稱' }, editable: true }, { key: 'sign', editable: false }],
      allowPersonaOverride: true, doneText: { en: 'Back to LINE!' },
    })
  })

  it('puts the API refusal next to the field key and speaks Traditional Chinese', async () => {
    signIn()
    fakeApi(meRoute, botRoute, route('GET', PATH, 200, defaults),
      route('PUT', PATH, 400, validationFailed({ 'fields[0].key': 'is listed twice' })))
    renderApp('/bots/b1/setup-page')

    await userEvent.click(await screen.findByRole('button', { name: 'Save setup page' }))

    const key = within(screen.getByRole('group', { name: 'Field 1' })).getByLabelText('Attribute key')
    await waitFor(() => expect(key).toHaveAttribute('aria-invalid', 'true'))
    await i18n.changeLanguage('zh-Hant')
    expect(await screen.findByRole('button', { name: '儲存設定頁' })).toBeInTheDocument()
    await i18n.changeLanguage('en')
  })
})
