import { BusError, BusErrorCode, MessageTooLargeError, recordSizeBytes, TOPIC_NAME, type BusRecord } from '../port.js';

export function assertTopicName(topic: string): void {
  if (!TOPIC_NAME.test(topic)) throw new BusError(BusErrorCode.InvalidTopic, `invalid topic name: ${JSON.stringify(topic)}`);
}

/** Client-side size check: throws before anything is sent, so nothing is written. */
export function assertRecordSizes(topic: string, records: readonly BusRecord[], maxMessageBytes: number): void {
  for (const record of records) {
    const size = recordSizeBytes(record);
    if (size > maxMessageBytes) throw new MessageTooLargeError(size, maxMessageBytes, topic);
  }
}

export function assertPartitionCount(partitions: number): void {
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) {
    throw new RangeError(`partitions must be an integer in [1, ${MAX_PARTITIONS}], got ${partitions}`);
  }
}

/** Upper bound on partitions per topic (keeps per-group state and lock counts small). */
export const MAX_PARTITIONS = 256;
