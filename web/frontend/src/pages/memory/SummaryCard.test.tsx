import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, validationFailed } from '../../test/fakeApi'
import { renderApp } from '../../test/render'
import { meRoute, signIn } from '../../test/signedIn'
import { sampleBot } from '../bots/sampleBot'
import i18n from '../../i18n'

afterEach(() => { void i18n.changeLanguage('en') })

describe('long memory on the bot page', () => {
  it('turns summaries on with a cheaper model as one memory merge patch', async () => {
    signIn()
    const saved = sampleBot({ memory: { summary: true, summaryModel: 'gpt-4o-nano' } })
    const api = fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot()), route('PATCH', '/api/v1/bots/b1', 200, saved))
    renderApp('/bots/b1')

    const card = await screen.findByRole('form', { name: 'Long memory' })
    expect(within(card).getByLabelText('Keep a conversation summary')).not.toBeChecked()
    await userEvent.click(within(card).getByLabelText('Keep a conversation summary'))
    await userEvent.type(within(card).getByLabelText('Summary model'), 'gpt-4o-nano')
    await userEvent.click(within(card).getByRole('button', { name: 'Save long memory' }))

    await waitFor(() => expect(api.requests.find((r) => r.method === 'PATCH')).toBeDefined())
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ memory: { summary: true, summaryModel: 'gpt-4o-nano' } })
  })

  it('shows a refused model name next to its input', async () => {
    signIn()
    fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot({ memory: { summary: true, summaryModel: null } })),
      route('PATCH', '/api/v1/bots/b1', 400, validationFailed({ 'memory.summaryModel': 'must be a model name such as gpt-4o-mini' })))
    renderApp('/bots/b1')
    const card = await screen.findByRole('form', { name: 'Long memory' })
    await userEvent.type(within(card).getByLabelText('Summary model'), 'a b')
    await userEvent.click(within(card).getByRole('button', { name: 'Save long memory' }))

    expect(await within(card).findByText('must be a model name such as gpt-4o-mini')).toBeInTheDocument()
  })

  it('speaks Traditional Chinese', async () => {
    signIn()
    await i18n.changeLanguage('zh-Hant')
    fakeApi(meRoute, route('GET', '/api/v1/bots/b1', 200, sampleBot({ memory: { summary: true, summaryModel: 'gpt-4o-mini' } })))
    renderApp('/bots/b1')
    const card = await screen.findByRole('form', { name: '長期記憶' })
    expect(within(card).getByLabelText('保存對話摘要')).toBeChecked()
    expect(within(card).getByLabelText('摘要模型')).toHaveValue('gpt-4o-mini')
  })
})
