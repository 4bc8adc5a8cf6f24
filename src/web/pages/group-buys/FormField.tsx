import type { ReactElement, ReactNode } from 'react';
import { cloneElement, useId } from 'react';

/**
 * A labelled control with its error under it, tied together for screen readers (aria-describedby,
 * aria-invalid), so a field error reads in place rather than in a list at the top.
 */
export function FormField({
  label,
  error,
  help,
  children,
}: {
  label: ReactNode;
  error?: string | undefined;
  help?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const described = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`gb-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        status: error ? 'error' : undefined,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {help && (
        <span id={`${id}-help`} className="gb-field-help">
          {help}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="gb-field-error">
          {error}
        </span>
      )}
    </div>
  );
}
