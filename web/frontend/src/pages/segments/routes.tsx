import type { RouteObject } from 'react-router-dom'
import { SegmentsPage } from './SegmentsPage'

export const segmentRoutes: RouteObject[] = [
  { path: 'segments', element: <SegmentsPage /> },
]
