import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'

/** The sign-in provider list (public), shared by the sign-in page and the sign-in methods settings. */
export function useSignInProviders() {
  return useQuery({
    queryKey: ['sign-in-providers'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/oauth/providers')),
    staleTime: 5 * 60_000,
    retry: false,
  })
}
