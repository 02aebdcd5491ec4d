import { useId, type ComponentProps, type InputHTMLAttributes, type ReactNode } from 'react'

interface FrameProps {
  label: ReactNode
  hint?: ReactNode
  error?: string
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode
}

/** Label, control, hint and error wired together for screen readers (the error is announced with the field). */
export function FieldFrame({ label, hint, error, children }: FrameProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className="p-field">
      <label className="p-field__label" htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && <span className="p-field__hint" id={hintId}>{hint}</span>}
      {error && <span className="p-field__error" id={errorId}>{error}</span>}
    </div>
  )
}

interface Common { label: ReactNode; hint?: ReactNode; error?: string }

export function TextField({ label, hint, error, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} hint={hint} error={error}>{(a) => <input className="p-input" {...a} {...input} />}</FieldFrame>
}

/** Takes a ref (React 19 passes it as a prop), e.g. to insert text at the cursor. */
export function TextAreaField({ label, hint, error, ...area }: Common & ComponentProps<'textarea'>) {
  return <FieldFrame label={label} hint={hint} error={error}>{(a) => <textarea className="p-textarea" {...a} {...area} />}</FieldFrame>
}

/** Takes a ref (React 19 passes it as a prop), e.g. to give focus back to it after an action. */
export function SelectField({ label, hint, error, children, ...select }: Common & ComponentProps<'select'>) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(a) => <select className="p-select" {...a} {...select}>{children}</select>}
    </FieldFrame>
  )
}

export function Checkbox({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return <label className="p-check"><input type="checkbox" {...input} />{label}</label>
}
