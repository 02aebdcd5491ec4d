import { createContext, useContext } from 'react'
import type { StoredSession } from '../api/session'

export interface Auth {
  session: StoredSession | null
  signIn(email: string, password: string): Promise<void>
  signUp(email: string, password: string, tenantName: string): Promise<void>
  signOut(): Promise<void>
  switchTenant(tenantId: string): Promise<void>
}

export const AuthContext = createContext<Auth | null>(null)

/** The signed-in user and active tenant, and the actions that change them (provided by <AuthProvider>). */
export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) {
    throw new Error('useAuth outside <AuthProvider>')
  }
  return auth
}
