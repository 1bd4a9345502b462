// Bootstrap of a worker thread run from the TypeScript sources (see startThread in threads.ts): registers tsx
// in this thread, then loads the thread's own module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
