import { api } from '../../api/client'
import { unwrap } from '../../api/problem'

/**
 * Web Push on this device (docs/notifications.md#web-push): the service worker at /sw.js, the browser's push
 * subscription made with the server's VAPID key, and its record in the API (per member and workspace).
 *
 * - `unsupported`: no service workers or Push API (e.g. an iPhone's Safari outside a home-screen app, or http)
 * - `denied`: the member blocked notifications for this site; only the browser's site settings can undo it
 * - `off` / `on`: whether this browser is subscribed for the signed-in member in this workspace
 */
export type DevicePushState = 'unsupported' | 'denied' | 'off' | 'on'

const SCOPE = '/'

export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined'
    && 'PushManager' in window && typeof Notification !== 'undefined'
}

export async function devicePushState(): Promise<DevicePushState> {
  if (!pushSupported()) return 'unsupported'
  if (Notification.permission === 'denied') return 'denied'
  if (Notification.permission !== 'granted') return 'off'
  const subscription = await browserSubscription()
  if (!subscription) return 'off'
  const mine = await unwrap(api.GET('/api/v1/push/subscriptions'))
  return mine.items.some((s) => s.endpoint === subscription.endpoint) ? 'on' : 'off'
}

/** Asks permission, subscribes this browser with the server's key and saves the subscription for this member. */
export async function enableDevicePush(): Promise<DevicePushState> {
  if (!pushSupported()) return 'unsupported'
  const permission = await Notification.requestPermission()
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off'
  const { publicKey } = await unwrap(api.GET('/api/v1/push/public-key'))
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: SCOPE })
  const key = base64UrlToBytes(publicKey)
  let subscription = await registration.pushManager.getSubscription()
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe() // made with another server key (the operator changed it): pushes would fail
    subscription = null
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key })
  const { keys } = subscription.toJSON()
  if (!keys?.p256dh || !keys.auth) throw new Error('The browser made a push subscription without keys')
  await unwrap(api.POST('/api/v1/push/subscriptions', {
    body: { endpoint: subscription.endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } },
  }))
  return 'on'
}

/** Deletes this browser's subscription for this member and unsubscribes the browser. */
export async function disableDevicePush(): Promise<DevicePushState> {
  const subscription = await browserSubscription()
  if (subscription) {
    const mine = await unwrap(api.GET('/api/v1/push/subscriptions'))
    for (const saved of mine.items.filter((s) => s.endpoint === subscription.endpoint)) {
      await unwrap(api.DELETE('/api/v1/push/subscriptions/{subscriptionId}', {
        params: { path: { subscriptionId: saved.id } },
      }))
    }
    await subscription.unsubscribe()
  }
  return pushSupported() && Notification.permission === 'denied' ? 'denied' : 'off'
}

async function browserSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(SCOPE)
  return (await registration?.pushManager.getSubscription()) ?? null
}

export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=')
  const binary = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current) return false
  const bytes = new Uint8Array(current)
  return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i])
}
