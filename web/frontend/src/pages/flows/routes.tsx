import type { RouteObject } from 'react-router-dom'
import { FlowEditorPage } from './FlowEditorPage'
import { FlowsPage } from './FlowsPage'

/** Children of /bots/:botId (pages/bots/routes.tsx). */
export const flowRoutes: RouteObject[] = [
  { path: 'flows', element: <FlowsPage /> },
  { path: 'flows/new', element: <FlowEditorPage /> },
  { path: 'flows/:flowId', element: <FlowEditorPage /> },
]
