// The pattern every view follows to read the app state: a Lit reactive controller that subscribes to the session's
// store while the view is on the page and repaints it (once per animation frame) when the state changes. The view
// keeps no copy of what the session knows, so leaving a tab and coming back shows the same work.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppSession, SessionState } from '../app/session.ts';

/** A view with a session property (set by <mr-app>). */
export type SessionHost = ReactiveControllerHost & { session: AppSession | null };

/** Subscribes its host to `host.session.store`; `state` is the latest app state (null until a session is set). */
export class SessionController implements ReactiveController {
  private bound: AppSession | null = null;
  private off: (() => void) | null = null;
  private frame = 0;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  /** The latest app state, or null before the host has a session. */
  get state(): Readonly<SessionState> | null {
    return this.host.session?.store.state ?? null;
  }

  hostConnected(): void {
    this.bind();
  }

  /** Runs before each render: picks up a session set (or replaced) since the last one. */
  hostUpdate(): void {
    this.bind();
  }

  hostDisconnected(): void {
    this.unbind();
  }

  private bind(): void {
    const session = this.host.session;
    if (session === this.bound) return;
    this.unbind();
    this.bound = session;
    if (!session) return;
    this.off = session.store.subscribe(() => {
      // Progress events come many times a frame; one repaint per frame shows the latest.
      if (!this.frame) this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.host.requestUpdate();
      });
    });
  }

  private unbind(): void {
    this.off?.();
    this.off = null;
    this.bound = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
