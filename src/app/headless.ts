// The page the CLI drives: exposes the same browser code as `window.motionRegistries`, no UI.
import { headlessApi } from './headless-api.ts';

declare global {
  interface Window {
    motionRegistries: typeof headlessApi;
  }
}

window.motionRegistries = headlessApi;
document.title = 'Motion Registries (headless, ready)';
