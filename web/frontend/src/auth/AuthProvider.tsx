import { useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { api } from '../api/client'
import { unwrap } from '../api/problem'
import { sessionStore } from '../api/session'
import { AuthContext } from './useAuth'

// useSyncExternalStore needs a stable snapshot: re-read storage only when the store says it changed
let snapshot = sessionStore.read()
sessionStore.subscribe((s) => {
  snapshot = s
})
const subscribe = (onChange: () => void) => sessionStore.subscribe(onChange)
const getSnapshot = () => snapshot

/** The signed-in user and active tenant, shared by every tab (see sessionStore), and the actions that change them. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribe, getSnapshot)
  const queries = useQueryClient()

  const signIn = useCallback(async (email: string, password: string) => {
    sessionStore.write(await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })))
    queries.clear()
  }, [queries])

  const signUp = useCallback(async (email: string, password: string, tenantName: string) => {
    sessionStore.write(await unwrap(api.POST('/api/v1/auth/signup', { body: { email, password, tenantName } })))
    queries.clear()
  }, [queries])

  const signOut = useCallback(async () => {
    const current = sessionStore.read()
    if (current) {
      // best effort: the refresh token is revoked server-side; signing out locally must work offline too
      await api.POST('/api/v1/auth/logout', { body: { refreshToken: current.refreshToken } }).catch(() => undefined)
    }
    sessionStore.clear()
    queries.clear()
  }, [queries])

  const switchTenant = useCallback(async (tenantId: string) => {
    const current = sessionStore.read()
    sessionStore.write(await unwrap(api.POST('/api/v1/auth/switch-tenant', {
      body: { tenantId, refreshToken: current?.refreshToken },
    })))
    queries.clear()
  }, [queries])

  const value = useMemo(() => ({ session, signIn, signUp, signOut, switchTenant }),
    [session, signIn, signUp, signOut, switchTenant])
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
