import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeApi, route, tokens } from '../../test/fakeApi'
import { renderWithProviders } from '../../test/render'
import { sessionStore } from '../../api/session'
import i18n from '../../i18n'
import { DevicePushToggle } from './DevicePushToggle'
import { base64UrlToBytes } from './devicePush'

const PUBLIC_KEY = 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8'
const ENDPOINT = 'https://push.example/send/device-1'
const KEYS = { p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4', auth: 'BTBZMqHH6r4Tts7J_aSIgg' }

/** The browser's Notification, service worker and Push APIs, as a browser that answers `permission` would have them. */
function fakeBrowser(permission: NotificationPermission, answer: NotificationPermission = 'granted', subscribed = false) {
  const state = { permission }
  const notification = { get permission() { return state.permission }, requestPermission: vi.fn(async () => { state.permission = answer; return answer }) }
  let current: PushSubscription | null = null
  const makeSubscription = (key: Uint8Array) => ({
    endpoint: ENDPOINT,
    options: { applicationServerKey: key.buffer },
    toJSON: () => ({ endpoint: ENDPOINT, expirationTime: null, keys: KEYS }),
    unsubscribe: vi.fn(async () => { current = null; return true }),
  }) as unknown as PushSubscription
  if (subscribed) current = makeSubscription(base64UrlToBytes(PUBLIC_KEY))
  const pushManager = {
    getSubscription: vi.fn(async () => current),
    subscribe: vi.fn(async (options: PushSubscriptionOptionsInit) => {
      current = makeSubscription(options.applicationServerKey as Uint8Array)
      return current
    }),
  }
  const registration = { pushManager }
  const serviceWorker = {
    register: vi.fn(async () => registration),
    getRegistration: vi.fn(async () => (current || subscribed ? registration : undefined)),
  }
  vi.stubGlobal('Notification', notification)
  vi.stubGlobal('PushManager', class {})
  Object.defineProperty(navigator, 'serviceWorker', { value: serviceWorker, configurable: true })
  return { notification, pushManager, serviceWorker, subscription: () => current }
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker')
})

describe('Notifications on this device', () => {
  it('asks permission, subscribes with the server\'s VAPID key and saves the subscription', async () => {
    sessionStore.write(tokens())
    const browser = fakeBrowser('default')
    const { requests } = fakeApi(
      route('GET', '/api/v1/push/public-key', 200, { publicKey: PUBLIC_KEY }),
      route('GET', '/api/v1/push/subscriptions', 200, { items: [] }),
      route('POST', '/api/v1/push/subscriptions', 201, { id: 's1', endpoint: ENDPOINT, createdAt: 'x', updatedAt: 'x' }),
    )
    renderWithProviders(<DevicePushToggle />)
    const toggle = await screen.findByRole('checkbox', { name: 'Notifications on this device' })
    expect(toggle).not.toBeChecked()

    await userEvent.click(toggle)

    await waitFor(() => expect(toggle).toBeChecked())
    expect(browser.notification.requestPermission).toHaveBeenCalled()
    expect(browser.serviceWorker.register).toHaveBeenCalledWith('/sw.js', { scope: '/' })
    const options = browser.pushManager.subscribe.mock.calls[0][0]
    expect(options.userVisibleOnly).toBe(true)
    expect(Array.from(options.applicationServerKey as Uint8Array)).toEqual(Array.from(base64UrlToBytes(PUBLIC_KEY)))
    expect(requests.filter((r) => r.method === 'POST')).toEqual([expect.objectContaining({
      path: '/api/v1/push/subscriptions', body: { endpoint: ENDPOINT, keys: KEYS }, authorization: 'Bearer access-1',
    })])
  })

  it('shows on for a subscribed browser, and off deletes the subscription and unsubscribes', async () => {
    sessionStore.write(tokens())
    const browser = fakeBrowser('granted', 'granted', true)
    const subscription = browser.subscription()!
    const { requests } = fakeApi(
      route('GET', '/api/v1/push/subscriptions', 200, { items: [{ id: 's1', endpoint: ENDPOINT, createdAt: 'x', updatedAt: 'x' }] }),
      route('DELETE', '/api/v1/push/subscriptions/s1', 204),
    )
    renderWithProviders(<DevicePushToggle />)
    const toggle = await screen.findByRole('checkbox', { name: 'Notifications on this device' })
    await waitFor(() => expect(toggle).toBeChecked())

    await userEvent.click(toggle)

    await waitFor(() => expect(toggle).not.toBeChecked())
    expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/push/subscriptions/s1')).toBe(true)
    expect(subscription.unsubscribe).toHaveBeenCalled()
  })

  it('says how to unblock when the member refuses permission, and subscribes nothing', async () => {
    sessionStore.write(tokens())
    const browser = fakeBrowser('default', 'denied')
    const { requests } = fakeApi(route('GET', '/api/v1/push/subscriptions', 200, { items: [] }))
    renderWithProviders(<DevicePushToggle />)

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Notifications on this device' }))

    expect(await screen.findByText(/Notifications are blocked for this site/)).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Notifications on this device' })).toBeDisabled()
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled()
    expect(requests.filter((r) => r.method === 'POST')).toEqual([])
  })

  it('tells when the browser cannot receive pushes at all', async () => {
    vi.stubGlobal('Notification', { permission: 'default', requestPermission: vi.fn() })
    renderWithProviders(<DevicePushToggle />)

    expect(await screen.findByText(/This browser cannot receive notifications/)).toBeInTheDocument()
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument()
  })

  it('stays out of the way in the inbox on such a browser', async () => {
    vi.stubGlobal('Notification', { permission: 'default', requestPermission: vi.fn() })
    const { container } = renderWithProviders(<div data-testid="inbox"><DevicePushToggle compact /></div>)

    await screen.findByTestId('inbox')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(container.textContent).toBe('')
  })

  it('speaks Traditional Chinese', async () => {
    sessionStore.write(tokens())
    fakeBrowser('default')
    fakeApi(route('GET', '/api/v1/push/subscriptions', 200, { items: [] }))
    await act(() => i18n.changeLanguage('zh-Hant'))
    try {
      renderWithProviders(<DevicePushToggle />)
      expect(await screen.findByRole('checkbox', { name: '在此裝置上接收通知' })).toBeInTheDocument()
    } finally {
      await act(() => i18n.changeLanguage('en'))
    }
  })
})
