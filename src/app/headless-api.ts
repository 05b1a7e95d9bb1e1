// What the CLI can call in the page. Each later issue adds its verbs here.
import { registryApi } from './api/registry-api.ts';
import { loopApi } from './api/loop-api.ts';
import { analyzeApi } from './api/analyze-api.ts';
import { createApi } from './api/create-api.ts';
import { syncApi } from './api/sync-api.ts';
export const headlessApi = {
  ping: () => 'pong',
  ...registryApi,
  ...loopApi,
  ...analyzeApi,
  ...createApi,
  ...syncApi,
};
