import type { RouteObject } from 'react-router-dom'
import { PageHeader } from '../../ui'

// The live inbox: pages come with the inbox work (issue 5).
export const inboxRoutes: RouteObject[] = [
  { path: 'inbox', element: <PageHeader title="Inbox" /> },
]
