import '@testing-library/jest-dom/vitest'
import { afterEach, vi } from 'vitest'
import { cleanup, configure } from '@testing-library/react'
import '../i18n'
import { sessionStore } from '../api/session'

// the machines that run the tests are shared and often busy: give findBy*/waitFor more than the default second
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  cleanup()
  sessionStore.clear() // also tells the signed-in state, which caches the session
  localStorage.clear()
  vi.unstubAllGlobals()
})

// jsdom has no <dialog> methods yet: open and close it as a browser would, so dialogs show up by role in tests
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) { this.setAttribute('open', '') }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}
