import { useEffect, useRef } from 'react';

/** A domain event as the node streams it: its type and the ids and statuses it concerns. */
export interface NodeEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Listens to the node's Server-Sent Events (GET /api/v1/events) for the given event types while mounted.
 * The browser reconnects by itself after a dropped link (the node sends `retry`).
 */
export function useNodeEvents(types: readonly string[], onEvent: (event: NodeEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(',');
  useEffect(() => {
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const listener = (message: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(message.data) as NodeEvent);
      } catch {
        // A malformed frame is dropped; the next poll or event brings the page up to date.
      }
    };
    const names = key.split(',');
    for (const name of names) source.addEventListener(name, listener);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
    };
  }, [key]);
}
