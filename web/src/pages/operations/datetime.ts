/** A `datetime-local` input's value (the officer's wall clock) as an ISO instant. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** Now, as a `datetime-local` value in the browser's zone. */
export function nowForInput(offsetHours = 0): string {
  const now = new Date(Date.now() + offsetHours * 3_600_000);
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** An ISO instant as a `datetime-local` value in the browser's zone, to prefill a form with a stored time. */
export function isoToLocalInput(iso: string): string {
  const instant = new Date(iso);
  const local = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
