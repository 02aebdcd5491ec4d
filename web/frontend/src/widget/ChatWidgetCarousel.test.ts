import { describe, expect, it } from 'vitest'
import { waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route } from '../test/fakeApi'
import { FakeEventSource } from '../test/fakeEventSource'
import { widgetsPerTest } from '../test/widgetsPerTest'

/** A carousel reply as the worker streams it (the payload of a carousel message, docs/flows.md). */
const carousel = {
  id: 'r1', type: 'carousel', text: 'Chestnut cake\nBaked this morning.\n\nHojicha latte\nRoasted tea.',
  createdAt: '2026-12-07T00:00:00Z', payload: { cards: [
    { title: 'Chestnut cake', text: 'Baked this morning.', imageUrl: 'https://cdn.example/cake.jpg',
      buttons: [{ label: 'Order', postback: 'order=cake' }, { label: 'Staff', postback: 'flow:f-staff' }] },
    { title: 'Hojicha latte', text: 'Roasted tea.', imageUrl: 'javascript:alert(1)',
      buttons: [{ label: 'Order', postback: 'order=latte' }] },
  ] },
}

describe('a carousel in the web chat widget', () => {
  const mountWidget = widgetsPerTest()

  it('shows every card side by side and sends the pressed card button as a postback, marking only that one', async () => {
    const api = fakeApi(route('POST', '/chat/wk_shop/messages', 202, { eventId: 'e1' }))
    const screen = mountWidget()
    await userEvent.click(screen.getByRole('button', { name: 'Chat with us' }))

    FakeEventSource.latest().message(carousel, 'r1')

    const row = screen.getByRole('list', { name: 'Cards' })
    const [cake, latte] = within(row).getAllByRole('listitem')
    expect(within(cake).getByText('Chestnut cake').tagName).toBe('STRONG')
    expect(within(cake).getByRole('img')).toHaveAttribute('src', 'https://cdn.example/cake.jpg')
    expect(within(latte).queryByRole('img')).toBeNull()
    expect(within(latte).getByText('Roasted tea.')).toBeInTheDocument()
    await userEvent.click(within(latte).getByRole('button', { name: 'Order' }))

    await waitFor(() => expect(api.requests).toHaveLength(1))
    expect(api.requests[0].body).toMatchObject({ text: 'Order', postback: 'order=latte' })
    const rowAfter = screen.getByRole('list', { name: 'Cards' })
    const [cakeAfter, latteAfter] = within(rowAfter).getAllByRole('listitem')
    expect(within(latteAfter).getByRole('button', { name: 'Order' })).toHaveAttribute('aria-pressed', 'true')
    expect(within(cakeAfter).getByRole('button', { name: 'Order' })).not.toHaveAttribute('aria-pressed')
    expect(within(cakeAfter).getByRole('button', { name: 'Staff' })).toBeDisabled()
  })

  it('names the row of cards in Traditional Chinese on a zh-TW page', async () => {
    const screen = mountWidget('zh-TW')
    await userEvent.click(screen.getByRole('button', { name: '與我們聊聊' }))

    FakeEventSource.latest().message(carousel, 'r1')

    expect(within(screen.getByRole('list', { name: '卡片' })).getAllByRole('listitem')).toHaveLength(2)
  })
})
