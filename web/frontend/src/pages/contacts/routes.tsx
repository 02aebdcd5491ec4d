import type { RouteObject } from 'react-router-dom'
import { ContactDetailPage } from './ContactDetailPage'
import { ContactImportPage } from './ContactImportPage'
import { ContactsPage } from './ContactsPage'

export const contactRoutes: RouteObject[] = [
  { path: 'contacts', element: <ContactsPage /> },
  { path: 'contacts/import', element: <ContactImportPage /> },
  { path: 'contacts/:contactId', element: <ContactDetailPage /> },
]
