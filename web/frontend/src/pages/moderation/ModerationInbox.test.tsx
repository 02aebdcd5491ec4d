import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { sessionStore } from '../../api/session'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { fakeEventSource } from '../../test/fakeEventSource'
import { conversation, message, workspace } from '../../test/inboxFixtures'
import { renderApp } from '../../test/render'

const list = (...items: object[]) => ({ items, nextCursor: null })

describe('moderation in the inbox', () => {
  it('badges flagged messages and says above the thread that moderation found a crisis', async () => {
    sessionStore.write(tokens())
    fakeEventSource()
    fakeApi(...workspace(),
      route('GET', '/api/v1/conversations/c1', 200, conversation({ botPaused: true })),
      route('POST', '/api/v1/conversations/c1/read', 200, conversation()),
      route('GET', /^\/api\/v1\/conversations\/c1\/messages/, 200, list(
        message('m2', 'You are not alone. Call 1925.', { direction: 'outbound', sender: 'bot', status: 'sent' }),
        message('m1', 'I feel hopeless', {
          moderation: { direction: 'input', categories: ['self-harm/intent'], action: 'crisis', unchecked: false },
        }),
      )),
      route('GET', /^\/api\/v1\/conversations(\?|$)/, 200, list(conversation())))
    renderApp('/inbox/c1')

    const log = await screen.findByRole('log', { name: 'Messages' })
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(2))
    const [flagged, reply] = within(log).getAllByRole('listitem')
    expect(flagged).toHaveTextContent(/I feel hopeless.*Crisis.*Moderation: Crisis \(self-harm\/intent\)/)
    expect(reply).not.toHaveTextContent(/Crisis/)
    expect(within(log).getByRole('alert')).toHaveTextContent(/flagged a crisis in this conversation/)
  })
})
