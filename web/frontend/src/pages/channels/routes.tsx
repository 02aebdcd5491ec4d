import type { RouteObject } from 'react-router-dom'
import { ChannelsPage } from './ChannelsPage'

/** Children of /bots/:botId (pages/bots/routes.tsx). */
export const channelRoutes: RouteObject[] = [
  { path: 'channels', element: <ChannelsPage /> },
]
