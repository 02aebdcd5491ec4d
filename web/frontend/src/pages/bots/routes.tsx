import type { RouteObject } from 'react-router-dom'
import { PageHeader } from '../../ui'

// Bots, their channels and flows: pages come with the bots/channels/flows work (issue 5).
export const botRoutes: RouteObject[] = [
  { path: 'bots', element: <PageHeader title="Bots" /> },
]
