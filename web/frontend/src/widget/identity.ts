import type { Identity } from './chatApi'

/**
 * The signed-in user, if the host site names one (docs/web-chat.md): `data-parley-token`, or `data-parley-user-id`
 * with `data-parley-user-hash` on the script tag; on the hosted page also `?token=` or `?userId=&userHash=`.
 */
export function identityOf(data: DOMStringMap, query: URLSearchParams | null): Identity | null {
  const token = data.parleyToken ?? query?.get('token')
  if (token) {
    return { token }
  }
  const userId = data.parleyUserId ?? query?.get('userId')
  const userHash = data.parleyUserHash ?? query?.get('userHash')
  return userId && userHash ? { userId, userHash } : null
}
