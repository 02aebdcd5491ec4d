import { useQuery } from '@tanstack/react-query'
import { api } from '../api/client'
import { unwrap } from '../api/problem'
import { useAuth } from './useAuth'

/** The signed-in user's role in the active workspace (undefined while loading), from /api/v1/me. */
export function useMyRole(): string | undefined {
  const { session } = useAuth()
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) })
  return me.data?.memberships.find((m) => m.tenantId === session?.tenant?.id)?.role
}

/**
 * Owners, admins and agents answer in the inbox and edit contacts; viewers only read (the API answers them 403).
 * Undefined while the role is loading, so pages show neither the controls nor the "viewers cannot" note yet.
 */
export function useIsAgent(): boolean | undefined {
  const role = useMyRole()
  return role === undefined ? undefined : role === 'owner' || role === 'admin' || role === 'agent'
}

/**
 * What the user may do with bots. Pages hide what the role may not do; the API enforces it either way. While the
 * role is still unknown everything shows, so nothing flickers away for the people who may use it.
 */
export function usePermissions() {
  const role = useMyRole()
  return {
    role,
    /** Owners and admins configure bots, channels and flows. */
    canConfigure: role === undefined || role === 'owner' || role === 'admin',
    /** Agents and up answer people, and may talk to a bot in its test chat. */
    canChat: role !== 'viewer',
  }
}
