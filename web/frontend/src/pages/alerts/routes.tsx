import type { RouteObject } from 'react-router-dom'
import { AlertRulesPage } from './AlertRulesPage'

export const alertRoutes: RouteObject[] = [
  { path: 'settings/alerts', element: <AlertRulesPage /> },
]
