import type { RouteObject } from 'react-router-dom'
import { PageHeader } from '../../ui'

// Contacts: pages come with the inbox work (issue 5).
export const contactRoutes: RouteObject[] = [
  { path: 'contacts', element: <PageHeader title="Contacts" /> },
]
