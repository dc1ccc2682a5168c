/**
 * The only thing the two parties share in-process: a duplex byte channel. Each side
 * sends `Uint8Array` messages and receives the other side's, in order. Bytes are
 * copied on send, so nothing (no object, no buffer) is shared between the parties;
 * the relay through hubs replaces this later with the same interface.
 */

export interface ByteChannel {
  send(message: Uint8Array): void;
  /** Next message from the peer; rejects with ChannelClosedError / ChannelTimeoutError. */
  receive(timeoutMs?: number): Promise<Uint8Array>;
  close(): void;
}

export class ChannelClosedError extends Error {
  override readonly name = 'ChannelClosedError';
}

export class ChannelTimeoutError extends Error {
  override readonly name = 'ChannelTimeoutError';
}

export type Direction = 'a->b' | 'b->a';

export interface ChannelPairOptions {
  /** Largest message either side may send; larger sends throw RangeError. Default 256 MiB. */
  readonly maxMessageBytes?: number;
  /** Default receive timeout. Default 30 s. */
  readonly receiveTimeoutMs?: number;
  /** Sees (and may replace) every message in flight: a man in the middle, for tests. */
  readonly tap?: (direction: Direction, message: Uint8Array) => Uint8Array;
}

interface Waiter {
  resolve(message: Uint8Array): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

class Queue {
  private readonly messages: Uint8Array[] = [];
  private readonly waiters: Waiter[] = [];
  closed = false;

  push(message: Uint8Array): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(message);
    } else this.messages.push(message);
  }

  pop(timeoutMs: number): Promise<Uint8Array> {
    const next = this.messages.shift();
    if (next) return Promise.resolve(next);
    if (this.closed) return Promise.reject(new ChannelClosedError('channel closed'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new ChannelTimeoutError(`no message within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new ChannelClosedError('channel closed'));
    }
  }
}

/** Two connected ends: what `a` sends, `b` receives, and vice versa. */
export function createChannelPair(options: ChannelPairOptions = {}): [ByteChannel, ByteChannel] {
  const maxBytes = options.maxMessageBytes ?? 256 * 1024 * 1024;
  const defaultTimeout = options.receiveTimeoutMs ?? 30_000;
  const toA = new Queue();
  const toB = new Queue();
  const end = (inbox: Queue, outbox: Queue, direction: Direction): ByteChannel => ({
    send(message) {
      if (!(message instanceof Uint8Array)) throw new TypeError('channel carries Uint8Array messages only');
      if (message.byteLength > maxBytes) throw new RangeError(`message of ${message.byteLength} bytes exceeds ${maxBytes}`);
      if (outbox.closed) throw new ChannelClosedError('channel closed');
      const copy = Uint8Array.from(message);
      outbox.push(options.tap ? options.tap(direction, copy) : copy);
    },
    receive: (timeoutMs = defaultTimeout) => inbox.pop(timeoutMs),
    close() {
      toA.close();
      toB.close();
    },
  });
  return [end(toA, toB, 'a->b'), end(toB, toA, 'b->a')];
}
