import { ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  /** Messages to show under the input (client-side checks and the service's 400 violations). */
  errors?: string[];
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled input with its hint and errors, wired for screen readers. */
export function Field({ label, errors = [], hint, children }: FieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, errors.length > 0 && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': errors.length > 0, 'aria-describedby': described || undefined })}
      {hint && (
        <small id={`${id}-hint`} className="field-hint">
          {hint}
        </small>
      )}
      {errors.length > 0 && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {errors.join('; ')}
        </small>
      )}
    </div>
  );
}
