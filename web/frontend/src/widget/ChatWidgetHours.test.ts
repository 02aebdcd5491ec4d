import { describe, expect, it } from 'vitest'
import userEvent from '@testing-library/user-event'
import { within } from '@testing-library/react'
import { fakeApi, route } from '../test/fakeApi'
import { widgetsPerTest } from '../test/widgetsPerTest'

async function openAndSend(screen: ReturnType<typeof within>, open: string, text: string) {
  await userEvent.click(screen.getByRole('button', { name: open }))
  await userEvent.type(screen.getByRole('textbox', { name: /^(Message|訊息)$/ }), `${text}{Enter}`)
}

describe('the widget after a hand-off, with business hours', () => {
  const mountWidget = widgetsPerTest()

  it('says from when a person answers outside the hours, instead of the bot’s words', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1', personAnswers: true,
      personAnswersText: 'Mei replies within the hour.', personAnswersFrom: { day: 'mon', time: '09:00' } }))
    const screen = mountWidget()

    await openAndSend(screen, 'Chat with us', 'Still there?')

    expect(await screen.findByText('We’re away now; a person will answer from Mon 09:00.')).toBeInTheDocument()
    expect(screen.queryByText('Mei replies within the hour.')).not.toBeInTheDocument()
  })

  it('says it in Traditional Chinese on a Chinese page', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1', personAnswers: true,
      personAnswersFrom: { day: 'sat', time: '10:30' } }))
    const screen = mountWidget('zh-TW')

    await openAndSend(screen, '與我們聊聊', '還在嗎？')

    expect(await screen.findByText('我們目前不在線上，專人將於週六 10:30起回覆你。')).toBeInTheDocument()
  })

  it('keeps the bot’s words inside the hours', async () => {
    fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1', personAnswers: true,
      personAnswersText: 'Mei replies within the hour.', personAnswersFrom: null }))
    const screen = mountWidget()

    await openAndSend(screen, 'Chat with us', 'Still there?')

    expect(await screen.findByText('Mei replies within the hour.')).toBeInTheDocument()
  })
})
