import { Navigate, type RouteObject } from 'react-router-dom'
import { RequireAuth } from './auth/RequireAuth'
import { AppShell } from './layout/AppShell'
import { NotFoundPage } from './pages/NotFoundPage'
import { SignInPage } from './pages/auth/SignInPage'
import { SignUpPage } from './pages/auth/SignUpPage'
import { AcceptInvitationPage } from './pages/auth/AcceptInvitationPage'
import { ProviderCallbackPage } from './pages/auth/ProviderCallbackPage'
import { accountEmailRoutes } from './pages/auth/emailRoutes'
import { settingsRoutes } from './pages/settings/routes'
import { billingRoutes } from './pages/billing/routes'
import { analyticsRoutes } from './pages/analytics/routes'
import { botRoutes } from './pages/bots/routes'
import { inboxRoutes } from './pages/inbox/routes'
import { contactRoutes } from './pages/contacts/routes'
import { setupRoutes } from './pages/setup/routes'
import { segmentRoutes } from './pages/segments/routes'
import { broadcastRoutes } from './pages/broadcasts/routes'
import { alertRoutes } from './pages/alerts/routes'
import { operatorRoutes } from './pages/operator/routes'
import { webPushRoutes } from './pages/webpush/routes'

/** Every route of the dashboard. Each feature exports its own routes from pages/<feature>/routes.tsx. */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  { path: '/invitations/accept', element: <AcceptInvitationPage /> },
  { path: '/auth/callback', element: <ProviderCallbackPage /> },
  ...accountEmailRoutes,
  ...setupRoutes,
  {
    path: '/',
    element: <RequireAuth><AppShell /></RequireAuth>,
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      ...inboxRoutes,
      ...botRoutes,
      ...contactRoutes,
      ...analyticsRoutes,
      ...segmentRoutes,
      ...broadcastRoutes,
      ...settingsRoutes,
      ...alertRoutes,
      ...webPushRoutes,
      ...billingRoutes,
      ...operatorRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
