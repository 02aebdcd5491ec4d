import type { RouteObject } from 'react-router-dom'
import { MyNotificationsPage } from './MyNotificationsPage'

export const webPushRoutes: RouteObject[] = [
  { path: 'settings/notifications', element: <MyNotificationsPage /> },
]
