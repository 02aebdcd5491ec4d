import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from '../../i18n'
import { fakeApi, route } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from './sampleBot'

const botRoute = route('GET', '/api/v1/bots/b1', 200, sampleBot())

afterEach(() => { void i18n.changeLanguage('en') })

/** Replaces a field's text in one paste (typing long URLs key by key is slow on a loaded machine). */
async function fill(label: string, text: string) {
  const field = screen.getByLabelText(label)
  await userEvent.clear(field)
  await userEvent.click(field)
  await userEvent.paste(text)
}

describe('LLM provider per bot', () => {
  it('asks Azure for its resource, deployment, api-version and a new key, and sends them in one PATCH', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('PATCH', '/api/v1/bots/b1', 200, sampleBot()))
    renderApp('/bots/b1')

    await userEvent.selectOptions(await screen.findByLabelText('Provider'), 'azure-openai')
    expect(screen.getByLabelText('API key')).toHaveAccessibleDescription(/key for the new provider/)
    await fill('Base URL', 'https://mei.openai.azure.com')
    await fill('Deployment name', 'mei-gpt4o')
    await fill('API version', '2024-10-21')
    await fill('API key', 'azure-secret')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({
      llm: { provider: 'azure-openai', baseUrl: 'https://mei.openai.azure.com', model: 'mei-gpt4o',
        apiVersion: '2024-10-21', apiKey: 'azure-secret' },
    }))
  })

  it('says plainly when the bot runs on the demo LLM, and shows examples as examples', async () => {
    signIn()
    fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot({
      llm: { provider: 'openai-compatible', baseUrl: null, model: null, apiKeySet: false, answeredBy: 'demo' } as never,
    })))
    renderApp('/bots/b1')

    expect(await screen.findByText(/Demo LLM: this bot answers with canned demo replies/)).toBeInTheDocument()
    expect(screen.getByLabelText('Model')).toHaveAttribute('placeholder', 'e.g. gpt-4o-mini')
    expect(screen.getByLabelText('Model')).toHaveValue('')
  })

  it('says nothing of the demo for a bot with its own key', async () => {
    signIn()
    fakeApi(meRoute, botRoute)
    renderApp('/bots/b1')

    expect(await screen.findByLabelText('Model')).toHaveValue('gpt-4o-mini')
    expect(screen.queryByText(/Demo LLM/)).not.toBeInTheDocument()
  })

  it('shows Ollama no API key field and sends no key', async () => {
    signIn()
    const api = fakeApi(meRoute, botRoute, route('PATCH', '/api/v1/bots/b1', 200, sampleBot()))
    renderApp('/bots/b1')

    await userEvent.selectOptions(await screen.findByLabelText('Provider'), 'ollama')
    expect(screen.queryByLabelText('API key')).not.toBeInTheDocument()
    expect(screen.queryByText('…x7Qa')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Base URL')).toHaveAccessibleDescription(/takes no API key/)
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({
      llm: { provider: 'ollama', apiVersion: null },
    }))
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).not.toHaveProperty('llm.apiKey')
  })

  it('offers every provider, in Traditional Chinese too', async () => {
    signIn()
    fakeApi(meRoute, botRoute)
    await i18n.changeLanguage('zh-Hant')
    renderApp('/bots/b1')

    const provider = await screen.findByLabelText('供應商')
    expect([...(provider as HTMLSelectElement).options].map((o) => o.value))
      .toEqual(['openai-compatible', 'anthropic', 'gemini', 'ollama', 'azure-openai', 'demo'])
    expect(screen.getByRole('option', { name: 'Ollama（本機模型）' })).toBeInTheDocument()
    await userEvent.selectOptions(provider, 'azure-openai')
    expect(screen.getByLabelText('部署名稱')).toBeInTheDocument()
  })
})
