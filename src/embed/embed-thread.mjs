// Entry of the passage-embedding thread (src/embed/threaded-embedder.ts). The service runs from its TypeScript
// sources through tsx, and a worker thread does not inherit the main thread's module hooks, so it registers tsx before
// loading the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./embed-worker.ts');
