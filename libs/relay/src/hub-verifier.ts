import { ReasonCode, topics, type Envelope, type EnvelopeHeader } from '#libs/contracts';
import { checkLastHop, checkPayloadDigest, checkSenderBinding, checkTime, pass, type Check } from './checks.js';
import { decodeEnvelope } from './envelope-codec.js';
import type { Clock, NonceStore, TrustPort, VerifiedIdentity } from './ports.js';

/** Where the record came from: the hub's own participants, or a peer hub. */
export type Arrival = 'ingress' | 'peer';

export interface HubRelayPolicy {
  readonly hubId: string;
  readonly maxTtlMs: number;
  readonly clockSkewMs: number;
  /** Peer hubs this hub may forward to and accept from (topology). */
  isPeerHub(hubId: string): boolean;
  /** May this verified sender send through this hub (admitted and not revoked)? */
  senderAdmitted(identity: VerifiedIdentity): Promise<boolean>;
  /** Is this node reachable through this hub's inboxes (admitted participant, or a settlement node it serves)? */
  localTarget(nodeId: string): Promise<boolean>;
}

export type RelayDecision =
  | { action: 'deliver'; topic: string; envelope: Envelope; header: EnvelopeHeader; redelivery: boolean }
  | { action: 'forward'; peerHub: string; topic: string; envelope: Envelope; header: EnvelopeHeader; redelivery: boolean }
  | { action: 'reject'; code: ReasonCode; detail: string; header?: EnvelopeHeader };

/**
 * Everything a hub checks before it relays an envelope, in an order that makes
 * each rejection carry its own reason: shape, time window, sender certificate
 * chain, sender binding, signature, payload digest, routing rights, replay.
 * The nonce is recorded only after the signature holds, so forged envelopes can
 * never burn a genuine sender's nonce.
 */
export class HubVerifier {
  constructor(
    private readonly policy: HubRelayPolicy,
    private readonly trust: TrustPort,
    private readonly nonces: NonceStore,
    private readonly clock: Clock,
  ) {}

  async decide(bytes: Uint8Array, arrival: Arrival, position: string): Promise<RelayDecision> {
    const decoded = decodeEnvelope(bytes);
    if (!decoded.ok) return { action: 'reject', code: decoded.code, detail: decoded.detail };
    const { envelope, header } = decoded;
    const reject = (c: { code: ReasonCode; detail: string }): RelayDecision => ({ action: 'reject', code: c.code, detail: c.detail, header });
    const now = this.clock.nowMs();

    const time = checkTime(header, now, this.policy);
    if (!time.ok) return reject(time);
    const sender = await this.trust.verifySender(envelope.senderChain, now);
    if (!sender.ok) return reject(sender);
    const binding = checkSenderBinding(sender.identity, header, envelope);
    if (!binding.ok) return reject(binding);
    const digest = checkPayloadDigest(header, envelope);
    if (!digest.ok) return reject(digest);

    const route = arrival === 'ingress' ? await this.checkIngress(sender.identity, header) : await this.checkPeer(sender.identity, header, envelope, now);
    if (!route.ok) return reject(route);
    const next = await this.nextHop(header);
    if ('code' in next) return reject(next);

    const seen = await this.nonces.remember(header.nonce, header.messageId, position, header.expiresAtMs);
    if (seen === 'replay') return reject({ code: ReasonCode.Replayed, detail: `nonce of message ${header.messageId} was already relayed` });
    const redelivery = seen === 'redelivery';
    return next.deliver
      ? { action: 'deliver', topic: topics.inbox(header.target), envelope, header, redelivery }
      : { action: 'forward', peerHub: next.peerHub, topic: topics.hubPeer(next.peerHub), envelope, header, redelivery };
  }

  private async checkIngress(sender: VerifiedIdentity, h: EnvelopeHeader): Promise<Check> {
    if (h.route[0] !== this.policy.hubId) return { ok: false, code: ReasonCode.RouteNotAllowed, detail: `route starts at ${h.route[0]}, not at this hub` };
    if (!(await this.policy.senderAdmitted(sender))) return { ok: false, code: ReasonCode.SenderNotAdmitted, detail: `${sender.nodeId} is not admitted at ${this.policy.hubId}` };
    return pass;
  }

  private async checkPeer(sender: VerifiedIdentity, h: EnvelopeHeader, e: Envelope, now: number): Promise<Check> {
    const sourceHub = h.route[0] ?? '';
    if (h.route.length !== 2 || h.route[1] !== this.policy.hubId) return { ok: false, code: ReasonCode.RouteNotAllowed, detail: 'peer traffic must be routed to this hub' };
    if (!this.policy.isPeerHub(sourceHub)) return { ok: false, code: ReasonCode.RouteNotAllowed, detail: `${sourceHub} is not a peer hub` };
    if (sender.role === 'participant' && sender.issuerId !== sourceHub) return { ok: false, code: ReasonCode.RouteNotAllowed, detail: `${sender.nodeId} was not admitted by ${sourceHub}` };
    return checkLastHop(e, sourceHub, this.trust, now);
  }

  private async nextHop(h: EnvelopeHeader): Promise<{ deliver: true } | { deliver: false; peerHub: string } | { code: ReasonCode; detail: string }> {
    const last = h.route[h.route.length - 1] ?? '';
    if (last === this.policy.hubId) {
      return (await this.policy.localTarget(h.target)) ? { deliver: true } : { code: ReasonCode.TargetUnknown, detail: `${h.target} is not reachable at ${this.policy.hubId}` };
    }
    if (!this.policy.isPeerHub(last)) return { code: ReasonCode.RouteNotAllowed, detail: `${last} is not a peer hub` };
    return { deliver: false, peerHub: last };
  }
}
