import { useEffect, useRef, useState } from 'react';

/** The latest answer of a loader called now and every `intervalMs`, with the time of the last success. */
export interface Polled<T> {
  readonly data: T | null;
  readonly failure: string | null;
  /** Reloads at once, e.g. after the officer changed something. */
  refresh(): void;
}

/** Polls the API while the component is mounted; a hidden tab is not polled. */
export function usePolling<T>(key: string, load: () => Promise<T>, intervalMs: number): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` forces a reload; `key` names what is polled.
  useEffect(() => {
    let current = true;
    const run = () => {
      if (document.visibilityState === 'hidden') return;
      loader.current().then(
        (value) => {
          if (!current) return;
          setData(value);
          setFailure(null);
        },
        (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
      );
    };
    run();
    const timer = window.setInterval(run, intervalMs);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [key, intervalMs, tick]);
  return { data, failure, refresh: () => setTick((value) => value + 1) };
}
