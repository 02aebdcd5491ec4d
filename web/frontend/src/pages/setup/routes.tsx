import type { RouteObject } from 'react-router-dom'

// The contact's persona setup page (/setup/:token) comes with the widget work (issue 5).
export const setupRoutes: RouteObject[] = []
