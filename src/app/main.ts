// App bootstrap: the Lit shell and the service worker.
import '../ui/mr-app.ts';
import { registerServiceWorker } from './sw-register.ts';

registerServiceWorker();
