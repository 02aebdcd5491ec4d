import { useEffect } from 'react'

/** The "(3) " the app shell puts in front of the title while conversations need a person (inbox attention.ts). */
const COUNT = /^\(\d+\+?\) /

/**
 * Names the browser tab after the page ("Members · Parley"), keeping the shell's count in front, and gives the tab
 * back to "Parley" when the page goes. PageHeader and the sign-in frame call it, so every page has a name.
 */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    if (!title) return
    const named = `${title} · Parley`
    document.title = `${COUNT.exec(document.title)?.[0] ?? ''}${named}`
    return () => { document.title = `${COUNT.exec(document.title)?.[0] ?? ''}Parley` }
  }, [title])
}
