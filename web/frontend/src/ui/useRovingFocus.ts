import { useState, type KeyboardEvent } from 'react'

const MOVES: Record<string, (from: number, last: number) => number> = {
  ArrowDown: (from, last) => Math.min(from + 1, last),
  ArrowUp: (from) => Math.max(from - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
}

/**
 * Roving focus for a long list of links or buttons (the WAI-ARIA "roving tabindex" technique): the list is one Tab
 * stop, ↑/↓, Home and End move inside it, and Tab comes back to the item last focused (or `preferred`, e.g. the open
 * conversation). Items are told apart by key, so a list that reorders keeps its stop. A few lines, written here: the
 * libraries that do it (react-aria, Radix) would bring a component set the dashboard does not use.
 *
 * Spread `listProps` on the list and `itemProps(key)` on each focusable item.
 */
export function useRovingFocus(keys: string[], preferred?: string) {
  const [current, setCurrent] = useState<string | null>(null)
  const stop = current !== null && keys.includes(current) ? current
    : preferred !== undefined && keys.includes(preferred) ? preferred : keys[0]
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const move = MOVES[e.key]
    if (!move || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-roving-item]')]
    const from = items.indexOf(document.activeElement as HTMLElement)
    if (from < 0) return
    e.preventDefault() // the page does not scroll: the focused item is scrolled into view
    items[move(from, items.length - 1)].focus()
  }
  return {
    listProps: { onKeyDown },
    itemProps: (key: string) => ({
      'data-roving-item': '',
      tabIndex: key === stop ? 0 : -1,
      onFocus: () => setCurrent(key),
    }),
  }
}
