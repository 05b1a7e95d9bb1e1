/// <reference types="vite/client" />
// Service-worker registration (workbox-window), with a prompt when a new version is waiting.
import { Workbox } from 'workbox-window';
import '../ui/update-prompt.ts';

/** Register /sw.js in a production build; when an update waits, show <update-prompt> that activates it and reloads. */
export function registerServiceWorker(): Workbox | null {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return null;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    const prompt = document.createElement('update-prompt');
    prompt.apply = () => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    };
    document.body.append(prompt);
  });
  wb.register().catch((err: unknown) => console.warn('service worker registration failed', err));
  return wb;
}
