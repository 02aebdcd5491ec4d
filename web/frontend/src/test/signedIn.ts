import { sessionStore, type Tokens } from '../api/session'
import { route, tokens } from './fakeApi'

/** Starts a test signed in (as the owner of Acme Coffee), as if the visitor had signed in before the page loaded. */
export function signIn() {
  sessionStore.write(tokens() as Tokens)
}

/** The account menu's question, answered for the signed-in owner. */
export const meRoute = route('GET', '/api/v1/me', 200, { memberships: [{ tenantId: 't1', tenantName: 'Acme Coffee', role: 'owner' }] })
