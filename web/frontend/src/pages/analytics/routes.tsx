import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router-dom'
import { Loading } from '../../ui'

// loaded on first visit: the chart library stays out of the rest of the dashboard's bundle
const AnalyticsPage = lazy(() => import('./AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })))

export const analyticsRoutes: RouteObject[] = [
  { path: 'analytics', element: <Suspense fallback={<Loading />}><AnalyticsPage /></Suspense> },
]
