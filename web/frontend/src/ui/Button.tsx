import type { ButtonHTMLAttributes } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  size?: 'md' | 'sm'
  block?: boolean
  /** Disables the button and says so to screen readers while an action runs. */
  busy?: boolean
}

export function Button({ variant = 'secondary', size = 'md', block, busy, disabled, className, children, type = 'button', ...rest }: Props) {
  const classes = ['p-btn', `p-btn--${variant}`, size === 'sm' && 'p-btn--sm', block && 'p-btn--block', className]
    .filter(Boolean).join(' ')
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <span className="p-spinner" aria-hidden="true" style={{ width: 14, height: 14 }} />}
      {children}
    </button>
  )
}
