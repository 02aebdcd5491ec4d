import { Navigate, type RouteObject } from 'react-router-dom'
import { ApiKeysPage } from './ApiKeysPage'
import { AuditLogPage } from '../audit/AuditLogPage'
import { MembersPage } from './MembersPage'
import { SignInMethodsPage } from './SignInMethodsPage'

export const settingsRoutes: RouteObject[] = [
  { path: 'settings', element: <Navigate to="/settings/members" replace /> },
  { path: 'settings/members', element: <MembersPage /> },
  { path: 'settings/api-keys', element: <ApiKeysPage /> },
  { path: 'settings/audit-log', element: <AuditLogPage /> },
  { path: 'settings/sign-in', element: <SignInMethodsPage /> },
]
