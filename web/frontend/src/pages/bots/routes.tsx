import type { RouteObject } from 'react-router-dom'
import { AccessCodesPage } from '../accesscodes/AccessCodesPage'
import { KnowledgePage } from '../knowledge/KnowledgePage'
import { MemoryFieldsPage } from '../memory/MemoryFieldsPage'
import { SetupPageSettingsPage } from '../setuppage/SetupPageSettingsPage'
import { channelRoutes } from '../channels/routes'
import { flowRoutes } from '../flows/routes'
import { templateRoutes } from '../templates/routes'
import { BotLayout } from './BotLayout'
import { BotSettingsPage } from './BotSettingsPage'
import { BotsPage } from './BotsPage'

/** /bots, and each bot's page whose sections (settings, channels, flows, access codes) share its header and test chat. */
export const botRoutes: RouteObject[] = [
  { path: 'bots', element: <BotsPage /> },
  {
    path: 'bots/:botId',
    element: <BotLayout />,
    children: [{ index: true, element: <BotSettingsPage /> }, ...channelRoutes, ...flowRoutes,
      { path: 'access-codes', element: <AccessCodesPage /> }, { path: 'memory', element: <MemoryFieldsPage /> },
      { path: 'knowledge', element: <KnowledgePage /> },
      { path: 'setup-page', element: <SetupPageSettingsPage /> }, ...templateRoutes],
  },
]
