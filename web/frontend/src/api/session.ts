import type { components } from './schema'

export type Tokens = components['schemas']['Tokens']

/** What the browser keeps between page loads: the token pair and when the access token expires. */
export interface StoredSession {
  accessToken: string
  refreshToken: string
  /** Epoch millis after which the access token must not be used. */
  expiresAt: number
  user: Tokens['user']
  tenant: Tokens['tenant']
}

const KEY = 'parley.session'

/**
 * The session lives in localStorage so a reload and other tabs stay signed in. The API's refresh tokens are single
 * use with reuse detection (a reused token revokes the whole family), so tabs must never refresh with the same
 * token at once: refreshing happens under a Web Lock and re-reads storage first (see refreshSession in client.ts).
 */
export const sessionStore = {
  read(): StoredSession | null {
    try {
      const raw = localStorage.getItem(KEY)
      return raw ? (JSON.parse(raw) as StoredSession) : null
    } catch {
      return null
    }
  },
  write(tokens: Tokens): StoredSession {
    if (!tokens.accessToken || !tokens.refreshToken) {
      throw new Error('The token response has no token pair')
    }
    const session: StoredSession = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      // 30 s early, so a request never leaves with a token that expires on the way
      expiresAt: Date.now() + ((tokens.expiresIn ?? 900) - 30) * 1000,
      user: tokens.user,
      tenant: tokens.tenant,
    }
    localStorage.setItem(KEY, JSON.stringify(session))
    listeners.forEach((l) => l(session))
    return session
  },
  clear(): void {
    localStorage.removeItem(KEY)
    listeners.forEach((l) => l(null))
  },
  subscribe(listener: (session: StoredSession | null) => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

const listeners = new Set<(session: StoredSession | null) => void>()

if (typeof window !== 'undefined') {
  // another tab signed in, refreshed or signed out
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) {
      const session = sessionStore.read()
      listeners.forEach((l) => l(session))
    }
  })
}
