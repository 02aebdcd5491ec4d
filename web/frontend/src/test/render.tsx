import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider, createMemoryRouter, type RouteObject } from 'react-router-dom'
import { AuthProvider } from '../auth/AuthProvider'
import { routes as appRoutes } from '../routes'

/** Renders the whole app's routes at a path, with a fresh query cache (no retries, so errors show at once). */
export function renderApp(path: string, routes: RouteObject[] = appRoutes) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const view = render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider><RouterProvider router={router} /></AuthProvider>
    </QueryClientProvider>,
  )
  return { ...view, router }
}

export function renderWithProviders(ui: ReactElement) {
  return renderApp('/', [{ path: '/', element: ui }])
}
