import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBlocker } from 'react-router-dom'

/**
 * Asks before edits are lost: leaving for another page of the dashboard (confirm) or closing the tab (the
 * browser's own prompt). `allowNextNavigation` lets a page move on by itself after saving or deleting.
 */
export function useUnsavedChanges(dirty: boolean) {
  const { t } = useTranslation('bots')
  const allowed = useRef(false)
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname)
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    if (window.confirm(t('unsavedChanges'))) blocker.proceed()
    else blocker.reset()
  }, [blocker, t])
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  return useCallback(() => { allowed.current = true }, [])
}
