/**
 * Publishing side for Nest apps: `client.emit(topic, record)` publishes a BusRecord
 * (or an array of them) and completes when the bus has written it. `send` is not
 * supported (no request-response on the bus).
 */
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { BusRecord, MessageBus, PublishedPosition } from '../port.js';

export class BusClient extends ClientProxy {
  constructor(private readonly bus: MessageBus) {
    super();
  }

  async connect(): Promise<void> {
    // The bus connects lazily on first use.
  }

  async close(): Promise<void> {
    // The bus belongs to whoever created it.
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  /** Publishes and resolves with the positions (a convenience over emit). */
  publishRecords(topic: string, records: BusRecord | readonly BusRecord[]): Promise<PublishedPosition[]> {
    return lastValueFrom(this.emit<PublishedPosition[], BusRecord | readonly BusRecord[]>(topic, records));
  }

  protected async dispatchEvent<T = PublishedPosition[]>(packet: ReadPacket<BusRecord | readonly BusRecord[]>): Promise<T> {
    const topic = this.normalizePattern(packet.pattern as string);
    const records = isRecordList(packet.data) ? packet.data : [packet.data];
    return (await this.bus.publish(topic, records)) as T;
  }

  protected publish(_packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({ err: new Error('BusClient supports emit only: the bus has no request-response'), isDisposed: true });
    return () => undefined;
  }
}

function isRecordList(data: BusRecord | readonly BusRecord[]): data is readonly BusRecord[] {
  return Array.isArray(data);
}
