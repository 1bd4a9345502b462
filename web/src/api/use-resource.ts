import { useEffect, useState } from 'react';

/** The state of data being read from the API. */
export type Resource<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'failed'; readonly detail: string };

/** Runs `load` once per key and tracks its outcome; a newer key discards an older, slower answer. */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string; resource: Resource<T> }>({
    key,
    resource: { status: 'loading' },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is recreated each render; `key` names what it loads.
  useEffect(() => {
    let current = true;
    setState({ key, resource: { status: 'loading' } });
    load().then(
      (data) => current && setState({ key, resource: { status: 'ready', data } }),
      (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        if (current) setState({ key, resource: { status: 'failed', detail } });
      },
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? state.resource : { status: 'loading' };
}
