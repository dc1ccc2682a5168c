/**
 * Run-time grants through a bus connection (a hub admitting or revoking a
 * participant). The bus enforces who may grant: postgres and memory need a
 * 'grant' ACL rule covering the pattern; kafka needs ALTER on the cluster.
 */
import type { AclEntry, AclRule, MessageBus } from './port.js';

export interface AccessGrantingBus extends MessageBus {
  grant(entry: AclEntry): Promise<void>;
  revoke(entry: AclEntry): Promise<void>;
}

export function canGrantAccess(bus: MessageBus): bus is AccessGrantingBus {
  const candidate = bus as Partial<AccessGrantingBus>;
  return typeof candidate.grant === 'function' && typeof candidate.revoke === 'function';
}

export async function grantAccess(bus: MessageBus, rules: readonly AclRule[]): Promise<void> {
  const granting = requireGranting(bus);
  for (const rule of rules) await granting.grant(toEntry(rule));
}

export async function revokeAccess(bus: MessageBus, rules: readonly AclRule[]): Promise<void> {
  const granting = requireGranting(bus);
  for (const rule of rules) await granting.revoke(toEntry(rule));
}

function requireGranting(bus: MessageBus): AccessGrantingBus {
  if (!canGrantAccess(bus)) throw new Error(`the ${bus.adapter} bus cannot grant access at run time`);
  return bus;
}

/** Only read and write can be handed on: a 'grant' right is provisioned, never delegated. */
function toEntry(rule: AclRule): AclEntry {
  if (rule.operation === 'grant') throw new Error(`cannot delegate the grant right (${rule.principal} on ${rule.topicPattern})`);
  return { principal: rule.principal, operation: rule.operation, topicPattern: rule.topicPattern };
}
