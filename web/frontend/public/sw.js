/*
 * Parley's service worker (docs/notifications.md#web-push): shows the Web Push messages the server sends for
 * notifications (RFC 8030; the browser has already decrypted them) and, on a click, focuses the dashboard tab
 * showing the conversation or opens it. Served at /sw.js, so its scope is the whole dashboard; it caches nothing
 * and handles no fetch, so it never changes how pages load.
 *
 * The payload is JSON: {id, kind, severity, title, body, url} with url an absolute dashboard URL. Only URLs of this
 * origin are opened.
 */
self.addEventListener('install', () => { self.skipWaiting() })
self.addEventListener('activate', (event) => { event.waitUntil(self.clients.claim()) })

self.addEventListener('push', (event) => {
  let message = {}
  try {
    message = event.data ? event.data.json() : {}
  } catch {
    message = {}
  }
  const title = typeof message.title === 'string' && message.title ? message.title : 'Parley'
  const url = sameOrigin(message.url) ? message.url : self.location.origin + '/'
  event.waitUntil(self.registration.showNotification(title, {
    body: typeof message.body === 'string' ? message.body : '',
    tag: typeof message.id === 'string' ? message.id : undefined,
    icon: '/favicon.svg',
    requireInteraction: message.severity === 'critical',
    data: { url },
  }))
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = event.notification.data && sameOrigin(event.notification.data.url)
    ? event.notification.data.url : self.location.origin + '/'
  event.waitUntil(openOrFocus(url))
})

/** Focuses a tab already showing the URL; else takes over one dashboard tab; else opens a new window. */
async function openOrFocus(url) {
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  const showing = tabs.find((tab) => tab.url === url)
  if (showing) return showing.focus()
  const dashboard = tabs.find((tab) => sameOrigin(tab.url))
  if (dashboard && 'navigate' in dashboard) {
    const moved = await dashboard.navigate(url).catch(() => null)
    if (moved) return moved.focus()
  }
  return self.clients.openWindow(url)
}

function sameOrigin(url) {
  try {
    return typeof url === 'string' && new URL(url).origin === self.location.origin
  } catch {
    return false
  }
}
