import $protobuf from 'protobufjs/minimal.js';
import { datanet } from './gen/datanet.js';

// int64 fields in our contracts are millisecond timestamps and sizes, far below
// 2^53. Without Long, protobufjs decodes them as plain numbers, which is what the
// generated .d.ts promises (tools/proto/gen.mjs).
$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

/**
 * The generated classes set their int64 defaults on the prototypes when the module loads,
 * while Long was still on: an omitted int64 field would read back as Long(0), not 0.
 * Those defaults are turned into plain numbers here, once, for every message class.
 */
function plainInt64Defaults(root: object, seen = new Set<object>()): void {
  if (seen.has(root)) return;
  seen.add(root);
  for (const value of Object.values(root)) {
    if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) continue;
    const proto = (value as { prototype?: Record<string, unknown> }).prototype;
    if (proto) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const d: unknown = Object.getOwnPropertyDescriptor(proto, key)?.value;
        if (isLong(d)) proto[key] = (d.unsigned ? d.high >>> 0 : d.high) * 2 ** 32 + (d.low >>> 0);
      }
    }
    plainInt64Defaults(value as object, seen);
  }
}

function isLong(v: unknown): v is { low: number; high: number; unsigned: boolean } {
  return typeof v === 'object' && v !== null && typeof (v as { low?: unknown }).low === 'number' && typeof (v as { high?: unknown }).high === 'number' && typeof (v as { unsigned?: unknown }).unsigned === 'boolean';
}

plainInt64Defaults(datanet);

export const pb = datanet.v1;
export type Envelope = datanet.v1.Envelope;
export type EnvelopeHeader = datanet.v1.EnvelopeHeader;
export type SealedPayload = datanet.v1.SealedPayload;
export type HopStamp = datanet.v1.HopStamp;
export type Payload = datanet.v1.Payload;
export type AdmissionRequest = datanet.v1.AdmissionRequest;
export type AdmissionResponse = datanet.v1.AdmissionResponse;
export type DirectoryEntry = datanet.v1.DirectoryEntry;
export type DeadLetter = datanet.v1.DeadLetter;
export type JobFrame = datanet.v1.JobFrame;
export type SubTaskReport = datanet.v1.SubTaskReport;
export type Ping = datanet.v1.Ping;
export type Pong = datanet.v1.Pong;
export type Order = datanet.v1.Order;
export type LeaseTerms = datanet.v1.LeaseTerms;
export type LeaseContract = datanet.v1.LeaseContract;
export type HubSignature = datanet.v1.HubSignature;
