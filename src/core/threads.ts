import { type ResourceLimits, Worker, workerData } from 'node:worker_threads';

/** What a thread started by `startThread` receives: its module and the data meant for it. */
interface ThreadStart<T> {
  readonly module: string;
  readonly data: T;
}

/**
 * Starts a worker thread on the module `name` (`./screening-thread`, no extension) beside `caller` (the caller's
 * `import.meta.url`), handing it `data` (read there with `threadData`). Built, that is the compiled `.js`; run
 * from the TypeScript sources (tsx, Vitest) a thread cannot load `.ts` by itself — Node 20 takes no loader
 * flags per thread — so it starts through `typescript-thread.mjs`, which registers tsx first. `resourceLimits`
 * sizes the thread's own heap.
 */
export function startThread<T>(
  caller: string,
  name: string,
  data: T,
  resourceLimits: ResourceLimits = {},
): Worker {
  const fromSources = caller.endsWith('.ts');
  const module = new URL(`${name}${fromSources ? '.ts' : '.js'}`, caller).href;
  const start: ThreadStart<T> = { module, data };
  // the process's own flags are not the thread's: a loader or a preload given to the process with --import
  // (tsx, the demo's scenario clock) would run in the thread before it could load TypeScript
  const options = { workerData: start, execArgv: [], resourceLimits };
  return fromSources
    ? new Worker(new URL('./typescript-thread.mjs', import.meta.url), options)
    : new Worker(new URL(module), options);
}

/** Inside a thread started by `startThread`: the data it was given. */
export const threadData = <T>(): T => (workerData as ThreadStart<T>).data;
