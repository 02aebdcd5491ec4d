import '@testing-library/jest-dom/vitest'
import { afterEach, vi } from 'vitest'
import { cleanup } from '@testing-library/react'
import '../i18n'
import { sessionStore } from '../api/session'

afterEach(() => {
  cleanup()
  sessionStore.clear() // also tells the signed-in state, which caches the session
  localStorage.clear()
  vi.unstubAllGlobals()
})
