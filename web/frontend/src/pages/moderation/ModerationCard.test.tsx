import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'
import i18n from '../../i18n'

const moderated = sampleBot({
  moderation: {
    input: true, output: false, service: 'custom', baseUrl: 'https://mod.example.com/v1', apiKeySet: true, apiKeyHint: '…Zz9q',
    keywords: [{ pattern: 'end it all', regex: false, category: 'self-harm' }, { pattern: 'kill\\s+me', regex: true, category: 'self-harm' }],
    actions: { 'self-harm': 'crisis', harassment: 'refuse' }, crisisMessage: 'Call 1925.', onUnavailable: 'fail_closed', maxInputLength: 500,
  },
})

describe('moderation settings on the bot page', () => {
  it('shows the stored settings and saves them as one moderation merge patch, removed actions as null', async () => {
    signIn()
    const api = fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, moderated), route('PATCH', '/api/v1/bots/b1', 200, moderated))
    renderApp('/bots/b1')

    const card = await screen.findByRole('form', { name: 'Moderation and safety' })
    expect(within(card).getByLabelText('Moderate contacts\' messages')).toBeChecked()
    expect(within(card).getByLabelText('Keyword list')).toHaveValue('self-harm: end it all\nself-harm: /kill\\s+me/')
    expect(within(card).getByText(/A key is stored \(…Zz9q\)/)).toBeInTheDocument()
    await userEvent.click(within(card).getByLabelText('Moderate the bot\'s answers'))
    await userEvent.selectOptions(within(card).getByLabelText('harassment'), '')
    await userEvent.selectOptions(within(card).getByLabelText('violence'), 'refuse')
    await userEvent.clear(within(card).getByLabelText('Longest message (characters)'))
    await userEvent.type(within(card).getByLabelText('Longest message (characters)'), '300')
    await userEvent.click(within(card).getByRole('button', { name: 'Save moderation' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    const body = api.requests.find((r) => r.method === 'PATCH')?.body as { moderation: Record<string, unknown> }
    expect(Object.keys(body)).toEqual(['moderation'])
    expect(body.moderation).toMatchObject({
      input: true, output: true, service: 'custom', baseUrl: 'https://mod.example.com/v1', onUnavailable: 'fail_closed', maxInputLength: 300,
      actions: { 'self-harm': 'crisis', harassment: null, violence: 'refuse' },
      keywords: [{ pattern: 'end it all', regex: false, category: 'self-harm' }, { pattern: 'kill\\s+me', regex: true, category: 'self-harm' }],
    })
    expect(body.moderation).not.toHaveProperty('apiKey')
  })

  it('puts a field error from the API next to its field', async () => {
    signIn()
    fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, moderated), route('PATCH', '/api/v1/bots/b1', 400, validationFailed({
      'moderation.maxInputLength': 'must be less than or equal to 1000',
    })))
    renderApp('/bots/b1')

    const card = await screen.findByRole('form', { name: 'Moderation and safety' })
    await userEvent.click(within(card).getByRole('button', { name: 'Save moderation' }))

    expect(await within(card).findByText('must be less than or equal to 1000')).toBeInTheDocument()
  })

  it('is in Traditional Chinese too', async () => {
    await i18n.changeLanguage('zh-Hant')
    try {
      signIn()
      fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, moderated))
      renderApp('/bots/b1')

      expect(await screen.findByRole('form', { name: '內容審核與安全' })).toBeInTheDocument()
      expect(screen.getByLabelText('危機訊息')).toHaveValue('Call 1925.')
    } finally {
      await i18n.changeLanguage('en')
    }
  })
})
