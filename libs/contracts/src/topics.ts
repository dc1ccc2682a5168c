/**
 * Topic names. RENAMING ANY OF THESE BREAKS DEPLOYED CONSUMERS AND ACLS: topics
 * are part of the wire contract, like proto field numbers.
 *
 * - hub.<hubId>.ingress   participants of the hub's subnet write, the hub reads
 * - hub.<hubId>.peer      peer hubs write, the hub reads
 * - node.<nodeId>.inbox   the node's hub writes, only that node reads
 */
export const topics = {
  hubIngress: (hubId: string): string => `hub.${hubId}.ingress`,
  hubPeer: (hubId: string): string => `hub.${hubId}.peer`,
  inbox: (nodeId: string): string => `node.${nodeId}.inbox`,
  /** ACL pattern covering every inbox topic. */
  allInboxes: 'node.*',
} as const;

/** Consumer group ids; stable for the same reason (committed offsets live under them). */
export const groups = {
  hubRelay: (hubId: string): string => `relay.${hubId}`,
  inbox: (nodeId: string): string => `inbox.${nodeId}`,
} as const;

/** Application message types carried in EnvelopeHeader.type. */
export const MessageType = {
  DemoPing: 'demo.ping',
  DemoPong: 'demo.pong',
  Text: 'text',
  /** A lease contract signed by both hubs, from a hub to lessee, lessor and settlement. */
  MarketLease: 'market.lease',
  /** A chunk of a lessee <-> lessor byte channel for one sub-task attempt (proto JobFrame). */
  JobFrame: 'job.frame',
  /** A lessee's evidence that a sub-task attempt ended, for settlement (proto SubTaskReport). */
  SubTaskReport: 'job.subtask-report',
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** EnvelopeHeader.content_type of a sub-task report (MessageType.SubTaskReport), written by lessees and checked by settlement. */
export const SUBTASK_REPORT_CONTENT_TYPE = 'application/x-protobuf; messageType=datanet.v1.SubTaskReport';

/** Transport header names set on bus records (besides the signed trace context). */
export const BusHeader = {
  Traceparent: 'traceparent',
  Tracestate: 'tracestate',
  MessageId: 'datanet-message-id',
  MessageType: 'datanet-type',
} as const;

export const SCHEMA_VERSION = 1;
