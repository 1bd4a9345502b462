import { useState } from 'react';
import type { ApiProblem } from '../api/client.js';
import { Done, FailureAlert, failureOf, fieldErrorOf } from './form.js';

/** The outcome of a form's last call to the node: its problem, or the confirmation to show. */
export interface Submission {
  readonly failure: ApiProblem | Error | null;
  readonly done: string | null;
  /** The node's error for one field of the last call, if it named that field. */
  error(field: string): string | undefined;
  /**
   * Sends `call`; on success shows the message `after` returns (if any), on failure the node's problem.
   * Resolves to whether it succeeded, so the form can reset itself.
   */
  run<T>(call: () => Promise<T>, after?: (value: T) => string | undefined): Promise<boolean>;
  /** Runs `call` like `run`; when it succeeds, empties `form` for the next entry and calls `saved` (to reload a list). */
  runAndReset<T>(
    form: HTMLFormElement,
    call: () => Promise<T>,
    after?: (value: T) => string | undefined,
    saved?: () => void,
  ): Promise<boolean>;
}

/** Tracks a form's calls so every form words success and failure the same way. */
export function useSubmission(): Submission {
  const [failure, setFailure] = useState<ApiProblem | Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run: Submission['run'] = async (call, after) => {
    setFailure(null);
    setDone(null);
    try {
      const value = await call();
      setDone(after?.(value) ?? null);
      return true;
    } catch (error) {
      setFailure(failureOf(error));
      return false;
    }
  };
  return {
    failure,
    done,
    error: (field) => fieldErrorOf(failure, field),
    run,
    async runAndReset(form, call, after, saved) {
      const succeeded = await run(call, after);
      if (succeeded) {
        form.reset();
        saved?.();
      }
      return succeeded;
    },
  };
}

/** The problem banner and the confirmation of a submission, in that order. */
export function SubmissionOutcome({ submission }: { readonly submission: Submission }) {
  return (
    <>
      <FailureAlert failure={submission.failure} />
      <Done message={submission.done} />
    </>
  );
}

/** A form's primary submit button, then the outcome of its last submission. */
export function SubmitWithOutcome({
  label,
  submission,
}: {
  readonly label: string;
  readonly submission: Submission;
}) {
  return (
    <>
      <div className="actions">
        <button type="submit" className="primary">
          {label}
        </button>
      </div>
      <SubmissionOutcome submission={submission} />
    </>
  );
}

/** The trimmed text of each named control of a submitted form. */
export function formText(form: HTMLFormElement): (name: string) => string {
  const data = new FormData(form);
  return (name) => String(data.get(name) ?? '').trim();
}
