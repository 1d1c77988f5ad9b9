import { namedError } from '../error-messages';
import { newCallSalt } from './frames/frame-keys';
import type { OutgoingSignal } from './signals';

// The server answers `ready` at once; silence this long means the answer was lost.
const WELCOME_TIMEOUT_MILLIS = 20_000;

/** What the server's welcome settles: this browser's participant id and the call's salt. */
export interface Welcome {
  readonly self: string;
  readonly salt: string;
}

interface PendingWelcome {
  readonly resolve: (welcome: Welcome) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** What became of the server's refusal: the join failed, the call ended, or it meant nothing. */
export type Refusal = 'join-refused' | 'removed' | 'ignored';

/**
 * This browser's place in a room on the server: `ready` with the ticket, the welcome that answers
 * it (or a refusal), and `bye` on leaving. The peers and their messages are the engine's business.
 */
export class SignallingSession {
  private readonly send: (message: OutgoingSignal) => void;
  private pending?: PendingWelcome;
  // Whether the server may count this browser in the room, and so should hear `bye`.
  private registered = false;
  private welcome?: Welcome;

  constructor(send: (message: OutgoingSignal) => void) {
    this.send = send;
  }

  /** The welcome, once it came: this browser's participant id and the call's salt. */
  get welcomed(): Welcome | undefined {
    return this.welcome;
  }

  /**
   * Tells the server this browser is ready, with its ticket and a proposal for the call's salt;
   * resolves with the welcome, rejects when the server refuses or does not answer.
   */
  join(token: string): Promise<Welcome> {
    const welcomed = new Promise<Welcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(namedError('LOCAL_SIGNALLING_TIMEOUT'));
      }, WELCOME_TIMEOUT_MILLIS);
      this.pending = { resolve, reject, timer };
    });
    this.registered = true;
    this.send({ type: 'ready', token, salt: newCallSalt() });
    return welcomed;
  }

  /** Takes the server's welcome; `false` when none was awaited, and the message means nothing. */
  welcomes(self: string, salt: string): boolean {
    const pending = this.pending;
    if (!pending) {
      return false;
    }
    this.pending = undefined;
    clearTimeout(pending.timer);
    this.welcome = { self, salt };
    pending.resolve(this.welcome);
    return true;
  }

  /**
   * Takes the server's refusal. Before the welcome the join fails with it; in the call it means
   * the server took this browser out of the room (silent too long, or its ticket ended), so the
   * others no longer see it and the call is over.
   */
  refuses(reason: string): Refusal {
    const pending = this.pending;
    if (!pending) {
      if (!this.welcome) {
        return 'ignored';
      }
      this.registered = false;
      return 'removed';
    }
    this.pending = undefined;
    clearTimeout(pending.timer);
    this.registered = false;
    pending.reject(namedError(reason === 'ROOM_FULL' ? 'LOCAL_ROOM_FULL' : 'LOCAL_SIGNALLING_REFUSED'));
    return 'join-refused';
  }

  /** Says `bye` if the server counts this browser in the room, and stops waiting for a welcome. */
  leave(): void {
    if (this.registered) {
      this.send({ type: 'bye' });
    }
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending = undefined;
    }
  }
}
