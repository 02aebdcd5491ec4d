import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A modal on the native <dialog> element: the browser traps focus, closes on Escape and restores focus after.
 */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal?.()
    if (!open && dialog.open) dialog.close?.()
  }, [open])
  return (
    <dialog ref={ref} className="p-dialog" aria-label={title} onClose={onClose} onCancel={onClose}>
      {open && (
        <div className="p-dialog__body">
          <h2 style={{ fontSize: 'var(--text-lg)' }}>{title}</h2>
          {children}
        </div>
      )}
    </dialog>
  )
}
