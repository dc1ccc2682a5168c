import { BaseRpcContext } from '@nestjs/microservices';
import type { DeliveredRecord } from '../port.js';

/** What an @EventPattern handler gets with @Ctx(): the record as delivered. */
export class BusContext extends BaseRpcContext<[DeliveredRecord]> {
  constructor(record: DeliveredRecord) {
    super([record]);
  }

  getRecord(): DeliveredRecord {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  getOffset(): string {
    return this.args[0].offset;
  }

  getKey(): string {
    return this.args[0].key;
  }

  getHeaders(): Readonly<Record<string, string>> {
    return this.args[0].headers;
  }
}
