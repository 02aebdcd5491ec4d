import type { RouteObject } from 'react-router-dom'
import { SetupPage } from './SetupPage'

/** The contact's persona setup page: public, outside the dashboard's shell and sign-in. */
export const setupRoutes: RouteObject[] = [
  { path: '/setup/:token', element: <SetupPage /> },
]
