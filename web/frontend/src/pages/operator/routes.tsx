import type { RouteObject } from 'react-router-dom'
import { OperatorPage } from './OperatorPage'

export const operatorRoutes: RouteObject[] = [
  { path: 'operator', element: <OperatorPage /> },
]
