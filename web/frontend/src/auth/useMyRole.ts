import { useQuery } from '@tanstack/react-query'
import { api } from '../api/client'
import { unwrap } from '../api/problem'
import { useAuth } from './AuthProvider'

/**
 * What the signed-in user may do in the current workspace, from /api/v1/me (the query the account menu already
 * made). Pages hide what the role may not do; the API enforces it either way. While the role is still unknown
 * everything shows, so nothing flickers away for the people who may use it.
 */
export function useMyRole() {
  const { session } = useAuth()
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) })
  const role = me.data?.memberships.find((m) => m.tenantId === session?.tenant?.id)?.role
  return {
    role,
    /** Owners and admins configure bots, channels and flows. */
    canConfigure: role === undefined || role === 'owner' || role === 'admin',
    /** Agents and up answer people, and may talk to a bot in its test chat. */
    canChat: role !== 'viewer',
  }
}
