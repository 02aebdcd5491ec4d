import type { RouteObject } from 'react-router-dom'
import { BroadcastsPage } from './BroadcastsPage'

export const broadcastRoutes: RouteObject[] = [
  { path: 'broadcasts', element: <BroadcastsPage /> },
]
