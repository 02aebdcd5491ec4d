import type { ComponentProps, MouseEvent } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

/** Takes a ref (React 19 passes it as a prop), e.g. to move focus to it. */
interface Props extends ComponentProps<'button'> {
  variant?: Variant
  size?: 'md' | 'sm'
  block?: boolean
  /**
   * Refuses clicks and says so to screen readers while an action runs. It stays focusable (aria-disabled, not
   * disabled): a disabled button drops the keyboard's focus to the page, and the user would start over from the top.
   */
  busy?: boolean
}

export function Button({ variant = 'secondary', size = 'md', block, busy, disabled, className, children, type = 'button',
  onClick, ...rest }: Props) {
  const classes = ['p-btn', `p-btn--${variant}`, size === 'sm' && 'p-btn--sm', block && 'p-btn--block', className]
    .filter(Boolean).join(' ')
  // a busy submit button must not submit either (Enter in a field "clicks" it): the click is cancelled
  const click = busy ? (e: MouseEvent<HTMLButtonElement>) => e.preventDefault() : onClick
  return (
    <button type={type} className={classes} disabled={disabled} aria-disabled={busy || undefined}
            aria-busy={busy || undefined} onClick={click} {...rest}>
      {busy && <span className="p-spinner" aria-hidden="true" style={{ width: 14, height: 14 }} />}
      {children}
    </button>
  )
}
