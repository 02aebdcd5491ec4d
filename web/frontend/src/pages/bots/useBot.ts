import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { api } from '../../api/client'
import { unwrap } from '../../api/problem'

/** The bot of the current /bots/:botId page; the layout, the settings and the test chat share this one query. */
export function useBot() {
  const { botId = '' } = useParams()
  const query = useQuery({
    queryKey: ['bot', botId],
    queryFn: () => unwrap(api.GET('/api/v1/bots/{botId}', { params: { path: { botId } } })),
  })
  return { botId, ...query }
}
