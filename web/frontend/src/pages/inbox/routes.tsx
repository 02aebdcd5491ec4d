import type { RouteObject } from 'react-router-dom'
import { CannedRepliesPage } from './CannedRepliesPage'
import { InboxPage } from './InboxPage'
import { TeamsPage } from './TeamsPage'

// one route for the list and an open conversation, so the list keeps its state (and scroll) between threads
export const inboxRoutes: RouteObject[] = [
  { path: 'inbox/:conversationId?', element: <InboxPage /> },
  { path: 'settings/canned-replies', element: <CannedRepliesPage /> },
  { path: 'settings/teams', element: <TeamsPage /> },
]
