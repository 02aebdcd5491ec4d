import type { RouteObject } from 'react-router-dom'
import { ContactDetailPage } from './ContactDetailPage'
import { ContactsPage } from './ContactsPage'

export const contactRoutes: RouteObject[] = [
  { path: 'contacts', element: <ContactsPage /> },
  { path: 'contacts/:contactId', element: <ContactDetailPage /> },
]
