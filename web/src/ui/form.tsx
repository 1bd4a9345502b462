import { type ReactNode, useId } from 'react';
import { ApiProblem } from '../api/client.js';
import { fieldName } from '../api/problem-text.js';

interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** A labelled form control with its hint and error tied to it for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy })}
      {hint && (
        <p id={hintId} className="muted small hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** What went wrong with an API call, as an ApiProblem (with field errors) or a plain error. */
export function failureOf(error: unknown): ApiProblem | Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The field error for `field` when the failure is a problem naming it. */
export function fieldErrorOf(failure: ApiProblem | Error | null, field: string): string | undefined {
  return failure instanceof ApiProblem ? failure.fieldError(field) : undefined;
}

/**
 * The node's explanation of a failed call, announced to screen readers. Several field errors are listed, each
 * under the label its form gives the field (`labelOf`, by the field's name: the last part of its path), else
 * under the field's path.
 */
export function FailureAlert({
  failure,
  labelOf,
}: {
  readonly failure: ApiProblem | Error | null;
  readonly labelOf?: (field: string) => string | undefined;
}) {
  if (!failure) return null;
  return (
    <div className="form-error" role="alert">
      <p>{failure.message}</p>
      {failure instanceof ApiProblem && failure.fieldErrors.length > 1 && (
        <ul>
          {failure.fieldErrors.map((error) => {
            const label = labelOf?.(error.path.split('/').pop() ?? '');
            return (
              <li key={`${error.path}:${error.message}`}>
                {label ? `${label}:` : <code>{fieldName(error.path)}</code>} {error.message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** A short confirmation after a successful action, announced politely. */
export function Done({ message }: { readonly message: string | null }) {
  return (
    <p className="notice" role="status" hidden={!message}>
      {message}
    </p>
  );
}
