import type { RouteObject } from 'react-router-dom'
import { CannedRepliesPage } from './CannedRepliesPage'
import { InboxPage } from './InboxPage'

// one route for the list and an open conversation, so the list keeps its state (and scroll) between threads
export const inboxRoutes: RouteObject[] = [
  { path: 'inbox/:conversationId?', element: <InboxPage /> },
  { path: 'settings/canned-replies', element: <CannedRepliesPage /> },
]
