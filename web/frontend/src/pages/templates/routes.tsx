import type { RouteObject } from 'react-router-dom'
import { TemplatesPage } from './TemplatesPage'

/** A bot's WhatsApp templates, under /bots/:botId. */
export const templateRoutes: RouteObject[] = [
  { path: 'templates', element: <TemplatesPage /> },
]
