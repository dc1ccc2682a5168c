import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { pb } from '#libs/contracts';
import { leaseTerms, signLease, type HubSigner, type LeaseInput } from '#libs/lease';
import { MarketCode, capabilitiesOf, classLevel, classMask, parseResourceClass, type CancelledRemainder, type Fill, type MatchingEngine, type OrderInput, type OrderView, type ReleasedReservation, type ReservationBuySpec, type ReservedLot } from '#libs/market';
import type { JsonLogger } from '#libs/observability';
import type { Clock, TrustPort } from '#libs/relay';
import { AuditOrigin, auditInt, auditText, type AuditEntry, type AuditWho, type HubAuditTrail } from '../persistence/audit.js';
import type { LeaseDelivery } from './lease-delivery.js';
import type { CommandKind, MarketLog } from './market-log.js';
import { PeerError, type PeerClient, type PeerReserveRequest } from './peer-client.js';

/** What a participant posts (the hub assigns the order id). */
export type OrderRequest = Omit<OrderInput, 'orderId' | 'participantId'>;

export interface FillView {
  readonly leaseId: string;
  readonly counterparty: string;
  readonly counterpartyHub: string;
  readonly cores: number;
  readonly memoryMiB: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: number;
}

export interface OrderOutcome {
  readonly orderId: string;
  readonly clientOrderId: string;
  readonly side: 'buy' | 'sell';
  readonly status: 'filled' | 'partially-filled' | 'resting' | 'cancelled';
  readonly fills: FillView[];
  readonly restingCores: number;
}

export type MarketResult<T> = { ok: true; value: T; replayed?: boolean } | { ok: false; status: 400 | 403 | 404 | 409 | 502; code: string; message: string };

export interface MarketDeps {
  readonly ds: DataSource;
  readonly hubId: string;
  readonly engine: MatchingEngine;
  readonly log: MarketLog;
  readonly signer: HubSigner;
  readonly peers: PeerClient;
  readonly peerIds: readonly string[];
  readonly deliveries: LeaseDelivery;
  /** Settlement services this hub serves: every lease goes to them too. */
  readonly settlementIds: readonly string[];
  readonly trust: TrustPort;
  readonly clock: Clock;
  readonly logger: JsonLogger;
  readonly reservationTtlMs: number;
  readonly snapshotEvery: number;
  /** Orders, reservations and leases are recorded here, in the transaction of each change (never read by the book). */
  readonly audit: HubAuditTrail;
  /** Called when the log cannot be written: the in-memory book is ahead of it, so the process must restart from the log. */
  readonly onFatal: (e: unknown) => never;
}

interface HubLot {
  readonly hubId: string;
  readonly reservationId: string;
  readonly lot: ReservedLot;
  readonly index: number;
}

/**
 * The hub's market (patent S202): one deterministic book per subnet, its event
 * log, cross-subnet matching with peer hubs through reservations, and leases
 * signed by both hubs. Engine commands run one at a time; remote calls never
 * run under that lock (two hubs reserving on each other must not deadlock).
 */
export class MarketService {
  private tail: Promise<unknown> = Promise.resolve();
  private commandsSinceSnapshot = 0;
  private readonly inFlight = new Set<string>();

  constructor(private readonly d: MarketDeps) {}

  /** Rebuilds the book from the latest snapshot and the commands after it, checking every state hash. */
  async rebuild(): Promise<{ commands: number; stateHash: string }> {
    const snap = await this.d.log.latestSnapshot();
    if (snap) this.d.engine.restore(snap.state);
    let commands = 0;
    for await (const c of this.d.log.commandsAfter(snap?.commandSeq ?? 0)) {
      this.apply(c.kind, c.body, c.nowMs);
      if (c.stateHash !== null) {
        const hash = this.d.engine.stateHash();
        if (hash !== c.stateHash) throw new Error(`market log replay diverged at command ${c.seq}: ${hash} != ${c.stateHash}`);
      }
      commands++;
    }
    this.d.engine.validateInternalState();
    return { commands, stateHash: this.d.engine.stateHash() };
  }

  stateHash(): string {
    return this.d.engine.stateHash();
  }

  depth(resourceClass?: string): ReturnType<MatchingEngine['depth']> {
    return this.d.engine.depth(resourceClass as Parameters<MatchingEngine['depth']>[0]);
  }

  openOrdersOf(participantId: string): OrderView[] {
    return this.d.engine.openOrdersOf(participantId);
  }

  // ---- participant commands --------------------------------------------------------------

  async placeOrder(participantId: string, req: OrderRequest): Promise<MarketResult<OrderOutcome>> {
    // A lease's cost must stay an exact integer (lease terms carry it): refuse orders whose cost cannot.
    if (!Number.isSafeInteger(req.cores * req.durationS * req.priceMinorPerCoreSecond))
      return { ok: false, status: 400, code: 'ORDER_COST_TOO_LARGE', message: 'cores x durationS x price exceeds 2^53 minor units' };
    const requestHash = createHash('sha256').update(canonical(req)).digest();
    const key = `${participantId}\u0000${req.clientOrderId}`;
    const known = await this.knownOrder(participantId, req.clientOrderId, requestHash);
    if (known) return known;
    if (this.inFlight.has(key)) return { ok: false, status: 409, code: 'ORDER_IN_PROGRESS', message: 'an order with this clientOrderId is being processed' };
    this.inFlight.add(key);
    try {
      const orderId = `${this.d.hubId}.${randomBytes(8).toString('hex')}`;
      const order: OrderInput = { ...req, orderId, participantId };
      const outcome = req.side === 'buy' && !req.allOrNone && this.d.peerIds.length > 0 ? await this.placeBuyAcrossSubnets(order) : await this.placeLocal(order, []);
      if (!outcome.ok) return outcome;
      await this.d.ds.query(`INSERT INTO market_orders (order_id, participant_id, client_order_id, request_sha256, response) VALUES ($1, $2, $3, $4, $5)`, [orderId, participantId, req.clientOrderId, requestHash, JSON.stringify(outcome.value)]);
      return outcome;
    } finally {
      this.inFlight.delete(key);
    }
  }

  async cancelOrder(participantId: string, orderId: string): Promise<MarketResult<{ orderId: string; cancelledCores: number }>> {
    return this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const r = this.d.engine.cancel(orderId, participantId, nowMs);
      if (!r.ok) return { ok: false as const, status: r.code === 'MARKET_NOT_OWNER' ? (403 as const) : r.code === 'MARKET_ORDER_UNKNOWN' ? (404 as const) : (400 as const), code: r.code, message: `cancel refused: ${r.code}` };
      const who = { actor: participantId, origin: AuditOrigin.participant };
      await this.persist('cancel', { orderId, participantId }, nowMs, who, [orderEntry('delete', orderId, { event: 'cancelled', participantId, cancelledCores: r.cancelledCores, reservedCores: r.reservedCores })], async () => undefined);
      return { ok: true as const, value: { orderId, cancelledCores: r.cancelledCores } };
    });
  }

  /** Periodic: expires orders and peers' reservations whose time is up. */
  async housekeeping(): Promise<void> {
    await this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const e = this.d.engine.expire(nowMs);
      const who = { actor: this.d.hubId, origin: AuditOrigin.housekeeping };
      if (e.ok && e.expired.length > 0)
        await this.persist('expire', {}, nowMs, who, e.expired.map((x) => orderEntry('modify', x.orderId, { event: 'expired', participantId: x.participantId, side: x.side, expiredCores: x.expiredCores })), async () => undefined);
      const r = this.d.engine.expireReservations(nowMs);
      if (r.ok && (r.released.length > 0 || r.fills.length > 0)) await this.persist('expire_reservations', {}, nowMs, who, releaseEntries(r.released, r.cancelled, 'expired'), (m, audit) => this.recordFills(m, r.fills, nowMs, audit));
    });
  }

  // ---- peer-facing commands (this hub as the lessors' hub) ---------------------------------

  async reserveForPeer(callerHub: string, req: PeerReserveRequest): Promise<MarketResult<{ reservationId: string; lots: readonly ReservedLot[]; reservedCores: number; expiresAtMs: number }>> {
    if (!req.reservationId.startsWith(`${callerHub}.`)) return { ok: false, status: 403, code: 'RESERVATION_ID_FOREIGN', message: 'a hub names reservations after its own orders' };
    return this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const body = { reservationId: req.reservationId, buy: req.buy, maxCores: req.maxCores, ttlMs: Math.min(req.ttlMs, this.d.reservationTtlMs) };
      const r = this.d.engine.reserve({ ...body, nowMs });
      if (!r.ok) return { ok: false as const, status: 400 as const, code: r.code, message: `reservation refused: ${r.code}` };
      const who = { actor: callerHub, origin: AuditOrigin.peer(callerHub) };
      await this.persist('reserve', body, nowMs, who, [reservationCreated(req.reservationId, req.buy.participantId, req.buyOrderId, req.maxCores, r)], async () => undefined);
      return { ok: true as const, value: { reservationId: r.reservationId, lots: r.lots, reservedCores: r.reservedCores, expiresAtMs: r.expiresAtMs } };
    });
  }

  /**
   * Confirms a peer's reservation: the peer sends the lease terms it built and
   * signed for each reserved lot; this hub checks them against its own fills,
   * countersigns, stores the leases and delivers them to its lessors.
   */
  async confirmForPeer(callerHub: string, reservationId: string, termsB64: readonly string[]): Promise<MarketResult<{ reservationId: string; signatures: { leaseId: string; signature: string; hubCert: string }[] }>> {
    return this.serial(async () => {
      const reservation = this.d.engine.reservation(reservationId);
      if (!reservation) return { ok: false as const, status: 404 as const, code: 'RESERVATION_UNKNOWN', message: `no open reservation ${reservationId}` };
      if (!reservationId.startsWith(`${callerHub}.`)) return { ok: false as const, status: 403 as const, code: 'RESERVATION_ID_FOREIGN', message: 'not this hub\'s reservation' };
      const terms = termsB64.map((t) => new Uint8Array(Buffer.from(t, 'base64')));
      const problem = checkPeerTerms(terms, reservation.lots, reservation.buy, callerHub, this.d.hubId);
      if (problem) return { ok: false as const, status: 400 as const, code: 'LEASE_TERMS_MISMATCH', message: problem };
      const nowMs = this.d.clock.nowMs();
      const r = this.d.engine.confirm(reservationId, nowMs);
      if (!r.ok) return { ok: false as const, status: 409 as const, code: r.code, message: `confirm refused: ${r.code}` };
      const signatures = terms.map((t) => signLease(t, this.d.signer));
      const who = { actor: callerHub, origin: AuditOrigin.peer(callerHub) };
      await this.persist('confirm', { reservationId }, nowMs, who, [reservationEntry(reservationId, { event: 'confirmed', leases: terms.length })], async (m, audit) => {
        for (let i = 0; i < terms.length; i++) {
          const t = terms[i] ?? new Uint8Array();
          const decoded = pb.LeaseTerms.decode(t);
          // Store with this hub's signature; the lessee's hub adds its own when it
          // forwards the full contract (market.lease countersignature, below).
          const contract = pb.LeaseContract.encode({ terms: t, signatures: [signatures[i] ?? signLease(t, this.d.signer)] }).finish();
          await this.storeLease(m, decoded, contract, [], audit);
        }
      });
      return { ok: true as const, value: { reservationId, signatures: terms.map((t, i) => ({ leaseId: pb.LeaseTerms.decode(t).leaseId, signature: Buffer.from(signatures[i]?.signature ?? new Uint8Array()).toString('base64'), hubCert: Buffer.from(this.d.signer.certDer).toString('base64') })) } };
    });
  }

  /** The lessee's hub sends the contract with both signatures: store it and deliver it to the lessor and settlement. */
  async completeLeaseFromPeer(callerHub: string, contractB64: string): Promise<MarketResult<{ leaseId: string }>> {
    const { verifyLease } = await import('#libs/lease');
    const bytes = new Uint8Array(Buffer.from(contractB64, 'base64'));
    const v = await verifyLease(bytes, this.d.trust, this.d.clock.nowMs());
    if (!v.ok) return { ok: false, status: 400, code: v.code, message: v.detail };
    if (v.terms.lesseeHub !== callerHub || v.terms.lessorHub !== this.d.hubId) return { ok: false, status: 403, code: 'LEASE_NOT_BETWEEN_US', message: 'lease is not between the caller and this hub' };
    await this.d.ds.transaction(async (m) => {
      // A repeated contract changes nothing and is not recorded again.
      // TypeORM answers an UPDATE on PostgreSQL with [returned rows, affected count].
      const [changed]: [unknown[], number] = await m.query(`UPDATE leases SET contract = $2 WHERE lease_id = $1 AND contract <> $2 RETURNING 1`, [v.terms.leaseId, Buffer.from(bytes)]);
      await this.d.deliveries.enqueue(m, v.terms.leaseId, [v.terms.lessor, ...this.d.settlementIds]);
      if (changed.length > 0) await this.d.audit.append(m, { actor: callerHub, origin: AuditOrigin.peer(callerHub) }, this.d.clock.nowMs(), [leaseEntry('modify', v.terms, 'countersigned')]);
    });
    this.d.deliveries.kick();
    return { ok: true, value: { leaseId: v.terms.leaseId } };
  }

  async releaseForPeer(callerHub: string, reservationId: string): Promise<MarketResult<{ reservationId: string }>> {
    if (!reservationId.startsWith(`${callerHub}.`)) return { ok: false, status: 403, code: 'RESERVATION_ID_FOREIGN', message: 'not this hub\'s reservation' };
    return this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const r = this.d.engine.release(reservationId, nowMs);
      if (!r.ok) return { ok: false as const, status: 409 as const, code: r.code, message: `release refused: ${r.code}` };
      const who = { actor: callerHub, origin: AuditOrigin.peer(callerHub) };
      await this.persist('release', { reservationId }, nowMs, who, releaseEntries(r.released, r.cancelled, 'released'), (m, audit) => this.recordFills(m, r.fills, nowMs, audit));
      return { ok: true as const, value: { reservationId } };
    });
  }

  // ---- internals -------------------------------------------------------------------------

  /**
   * A buy that may be filled across subnets: reserve up to its cores in the local
   * book and at every peer at once, keep the cheapest cores across the network
   * (price, then local first, then hub id, then each book's own priority),
   * confirm what is kept, release the rest, and place any remainder locally.
   */
  private async placeBuyAcrossSubnets(order: OrderInput): Promise<MarketResult<OrderOutcome>> {
    const spec = buySpec(order);
    const who = { actor: order.participantId, origin: AuditOrigin.participant };
    const local = await this.reserveLocal(`${order.orderId}.l`, spec, order.cores, order.orderId);
    if (!local.ok) return local;
    const remote = await Promise.all(this.d.peerIds.map((hubId) => this.reserveRemote(hubId, { reservationId: `${order.orderId}.${hubId}`, buyOrderId: order.orderId, buy: spec, maxCores: order.cores, ttlMs: this.d.reservationTtlMs })));
    const lots: HubLot[] = [
      ...local.value.lots.map((lot, index) => ({ hubId: this.d.hubId, reservationId: local.value.reservationId, lot, index })),
      ...remote.flatMap((r) => (r ? r.lots.map((lot, index) => ({ hubId: r.hubId, reservationId: r.reservationId, lot, index })) : [])),
    ];
    const keep = allocate(lots, order.cores, this.d.hubId);
    const fills: FillView[] = [];
    // Local share.
    const localKeep = keep.get(this.d.hubId) ?? 0;
    fills.push(...(await this.settleLocalReservation(order, local.value.reservationId, local.value.reservedCores, localKeep, spec, who)));
    // Remote shares.
    for (const r of remote) {
      if (!r) continue;
      fills.push(...(await this.settleRemoteReservation(order, r.hubId, r.reservationId, r.reservedCores, keep.get(r.hubId) ?? 0, spec, r.lots)));
    }
    const filled = fills.reduce((n, f) => n + f.cores, 0);
    const remaining = order.cores - filled;
    if (remaining <= 0) {
      // Filled through reservations alone: the order never enters the book, so no
      // command records it; its leases are recorded already, the order is here.
      await this.d.ds.transaction((m) => this.d.audit.append(m, who, this.d.clock.nowMs(), [orderCreated(order, { filledCores: filled, restingCores: 0, cancelledCores: 0 })]));
      return { ok: true, value: outcome(order, fills, 0) };
    }
    const perCore = Math.ceil(order.memoryMiB / order.cores);
    return this.placeLocal({ ...order, cores: remaining, memoryMiB: perCore * remaining }, fills);
  }

  private async placeLocal(order: OrderInput, earlier: FillView[]): Promise<MarketResult<OrderOutcome>> {
    return this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const r = this.d.engine.place(order, nowMs);
      if (!r.ok) return { ok: false as const, status: 400 as const, code: r.code, message: `order refused: ${r.code}` };
      let views: FillView[] = [];
      const who = { actor: order.participantId, origin: AuditOrigin.participant };
      const filledCores = r.fills.reduce((n, f) => n + f.cores, 0);
      const created = orderCreated(order, { filledCores, restingCores: r.restingCores, cancelledCores: r.cancelledCores, crossSubnetFilledCores: earlier.reduce((n, f) => n + f.cores, 0) });
      await this.persist('place', order, nowMs, who, [created], async (m, audit) => {
        views = await this.recordFills(m, r.fills, nowMs, audit);
      });
      return { ok: true as const, value: outcome(order, [...earlier, ...views], r.restingCores, r.cancelledCores) };
    });
  }

  private async reserveLocal(reservationId: string, spec: ReservationBuySpec, maxCores: number, buyOrderId: string): Promise<MarketResult<{ reservationId: string; lots: readonly ReservedLot[]; reservedCores: number }>> {
    return this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const body = { reservationId, buy: spec, maxCores, ttlMs: this.d.reservationTtlMs };
      const r = this.d.engine.reserve({ ...body, nowMs });
      // Nothing to reserve is an answer, not an error: the order goes on to the peers and the book.
      if (!r.ok && r.code === MarketCode.ReservationNothingAvailable) return { ok: true as const, value: { reservationId, lots: [], reservedCores: 0 } };
      if (!r.ok) return { ok: false as const, status: 400 as const, code: r.code, message: `order refused: ${r.code}` };
      const who = { actor: spec.participantId, origin: AuditOrigin.participant };
      await this.persist('reserve', body, nowMs, who, [reservationCreated(reservationId, spec.participantId, buyOrderId, maxCores, r)], async () => undefined);
      return { ok: true as const, value: { reservationId, lots: r.lots, reservedCores: r.reservedCores } };
    });
  }

  private async reserveRemote(hubId: string, req: PeerReserveRequest): Promise<{ hubId: string; reservationId: string; lots: readonly ReservedLot[]; reservedCores: number } | undefined> {
    try {
      const r = await this.d.peers.reserve(hubId, req);
      return { hubId, reservationId: r.reservationId, lots: r.lots, reservedCores: r.reservedCores };
    } catch (e) {
      // A peer with nothing to offer, down or refusing, just does not take part in this match.
      if (!(e instanceof PeerError && e.code === MarketCode.ReservationNothingAvailable)) this.d.logger.warn('peer reservation failed', { peer: hubId, error: e as Error });
      return undefined;
    }
  }

  private async settleLocalReservation(order: OrderInput, reservationId: string, reserved: number, keep: number, spec: ReservationBuySpec, who: AuditWho): Promise<FillView[]> {
    if (reserved === 0) return [];
    let id = reservationId;
    if (keep < reserved) {
      await this.releaseLocal(id, who);
      if (keep === 0) return [];
      id = `${reservationId}2`;
      const again = await this.reserveLocal(id, spec, keep, order.orderId);
      if (!again.ok || again.value.reservedCores === 0) return [];
    }
    return this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const r = this.d.engine.confirm(id, nowMs);
      if (!r.ok) return [];
      let views: FillView[] = [];
      await this.persist('confirm', { reservationId: id }, nowMs, who, [reservationEntry(id, { event: 'confirmed', leases: r.fills.length })], async (m, audit) => {
        views = await this.recordFills(m, r.fills.map((f) => ({ ...f, buyOrderId: order.orderId })), nowMs, audit);
      });
      return views;
    });
  }

  private async releaseLocal(reservationId: string, who: AuditWho): Promise<void> {
    await this.serial(async () => {
      const nowMs = this.d.clock.nowMs();
      const r = this.d.engine.release(reservationId, nowMs);
      if (r.ok) await this.persist('release', { reservationId }, nowMs, who, releaseEntries(r.released, r.cancelled, 'released'), (m, audit) => this.recordFills(m, r.fills, nowMs, audit));
    });
  }

  /**
   * The remote share: shrink the peer's reservation to what is kept, send the
   * lease terms (signed here) with the confirmation, receive the peer's
   * countersignatures, verify the full contracts, store and deliver them here,
   * and hand them back to the peer for its lessors.
   */
  private async settleRemoteReservation(order: OrderInput, hubId: string, reservationId: string, reserved: number, keep: number, spec: ReservationBuySpec, firstLots: readonly ReservedLot[]): Promise<FillView[]> {
    if (reserved === 0) return [];
    let id = reservationId;
    let lots = firstLots;
    try {
      if (keep < reserved) {
        await this.d.peers.release(hubId, id);
        if (keep === 0) return [];
        id = `${reservationId}.2`;
        lots = (await this.d.peers.reserve(hubId, { reservationId: id, buyOrderId: order.orderId, buy: spec, maxCores: keep, ttlMs: this.d.reservationTtlMs })).lots;
        if (lots.length === 0) return [];
      }
      const nowMs = this.d.clock.nowMs();
      const terms = lots.map((lot, i) =>
        leaseTerms({
          lessee: order.participantId,
          lessor: lot.participantId,
          lesseeHub: this.d.hubId,
          lessorHub: hubId,
          buyOrderId: order.orderId,
          sellOrderId: lot.sellOrderId,
          cores: lot.cores,
          memoryMib: lot.memoryMiB,
          durationS: lot.durationS,
          priceMinorPerCoreSecond: lot.priceMinorPerCoreSecond,
          startMs: nowMs,
          capabilities: capabilitiesOf(classMask(parseResourceClass(lot.sellResourceClass))),
          securityLevel: classLevel(parseResourceClass(lot.sellResourceClass)),
          fillIndex: i,
        }),
      );
      const confirmed = await this.d.peers.confirm(hubId, id, terms.map((t) => Buffer.from(t).toString('base64')));
      return await this.storeRemoteLeases(hubId, terms, confirmed.signatures, { actor: order.participantId, origin: AuditOrigin.participant });
    } catch (e) {
      this.d.logger.warn('cross-subnet fill failed; the remainder stays with the order', { peer: hubId, reservationId: id, error: e as Error });
      return [];
    }
  }

  private async storeRemoteLeases(hubId: string, terms: readonly Uint8Array[], signatures: readonly { leaseId: string; signature: string; hubCert: string }[], who: AuditWho): Promise<FillView[]> {
    const { verifyLease } = await import('#libs/lease');
    const views: FillView[] = [];
    const complete: Uint8Array[] = [];
    await this.d.ds.transaction(async (m) => {
      const audit: AuditEntry[] = [];
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i] ?? new Uint8Array();
        const peerSig = signatures[i];
        const contract = pb.LeaseContract.encode({
          terms: t,
          signatures: [signLease(t, this.d.signer), { hubId, signature: Buffer.from(peerSig?.signature ?? '', 'base64'), hubCert: Buffer.from(peerSig?.hubCert ?? '', 'base64') }],
        }).finish();
        const v = await verifyLease(contract, this.d.trust, this.d.clock.nowMs());
        if (!v.ok) {
          this.d.logger.error('peer countersignature rejected; lease not booked', { peer: hubId, code: v.code, detail: v.detail });
          continue;
        }
        await this.storeLease(m, v.terms, contract, [v.terms.lessee, ...this.d.settlementIds], audit);
        complete.push(contract);
        views.push({ leaseId: v.terms.leaseId, counterparty: v.terms.lessor, counterpartyHub: hubId, cores: v.terms.cores, memoryMiB: Number(v.terms.memoryMib), durationS: v.terms.durationS, priceMinorPerCoreSecond: Number(v.terms.priceMinorPerCoreSecond) });
      }
      await this.d.audit.append(m, who, this.d.clock.nowMs(), audit);
    });
    this.d.deliveries.kick();
    for (const c of complete) {
      await this.d.peers.completeLease(hubId, Buffer.from(c).toString('base64')).catch((e: unknown) => this.d.logger.warn('peer did not take the countersigned lease yet', { peer: hubId, error: e as Error }));
    }
    return views;
  }

  private async recordFills(m: EntityManager, fills: readonly Fill[], nowMs: number, audit: AuditEntry[]): Promise<FillView[]> {
    const views: FillView[] = [];
    for (const f of fills) {
      const input: LeaseInput = {
        lessee: f.buyParticipantId,
        lessor: f.sellParticipantId,
        lesseeHub: this.d.hubId,
        lessorHub: this.d.hubId,
        buyOrderId: f.buyOrderId,
        sellOrderId: f.sellOrderId,
        cores: f.cores,
        memoryMib: f.memoryMiB,
        durationS: f.durationS,
        priceMinorPerCoreSecond: f.priceMinorPerCoreSecond,
        startMs: nowMs,
        capabilities: capabilitiesOf(classMask(parseResourceClass(f.sellResourceClass))),
        securityLevel: classLevel(parseResourceClass(f.sellResourceClass)),
        fillIndex: f.fillSeq,
      };
      const terms = leaseTerms(input);
      const contract = pb.LeaseContract.encode({ terms, signatures: [signLease(terms, this.d.signer)] }).finish();
      const decoded = pb.LeaseTerms.decode(terms);
      await this.storeLease(m, decoded, contract, [f.buyParticipantId, f.sellParticipantId, ...this.d.settlementIds], audit);
      views.push({ leaseId: decoded.leaseId, counterparty: f.aggressor === 'buy' ? f.sellParticipantId : f.buyParticipantId, counterpartyHub: this.d.hubId, cores: f.cores, memoryMiB: f.memoryMiB, durationS: f.durationS, priceMinorPerCoreSecond: f.priceMinorPerCoreSecond });
    }
    return views;
  }

  /** Stores a lease this hub signed; a new one adds its audit entry to `audit` (appended by the caller at the end of `m`). */
  private async storeLease(m: EntityManager, t: import('#libs/contracts').LeaseTerms, contract: Uint8Array, deliverTo: readonly string[], audit: AuditEntry[]): Promise<void> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO leases (lease_id, contract, lessee, lessor, lessee_hub, lessor_hub, buy_order_id, sell_order_id, cores, price_minor_per_core_second)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (lease_id) DO NOTHING RETURNING 1`,
      [t.leaseId, Buffer.from(contract), t.lessee, t.lessor, t.lesseeHub, t.lessorHub, t.buyOrderId, t.sellOrderId, t.cores, Number(t.priceMinorPerCoreSecond)],
    );
    if (inserted.length > 0) audit.push(leaseEntry('create', t, 'signed'));
    if (deliverTo.length) await this.d.deliveries.enqueue(m, t.leaseId, deliverTo);
  }

  /**
   * Appends the command (and what it caused) in one transaction; a failure is fatal
   * (the book is ahead of its log). The audit records (`records`, then those the
   * effects collect, e.g. leases) are appended last in that transaction: they are
   * built from the engine's results and never fed back to the engine, so the book
   * stays deterministic; without its records the command does not commit.
   */
  private async persist(kind: CommandKind, body: unknown, nowMs: number, who: AuditWho, records: readonly AuditEntry[], effects: (m: EntityManager, audit: AuditEntry[]) => Promise<unknown>): Promise<void> {
    let seq = 0;
    const snapshotPoint = ++this.commandsSinceSnapshot >= this.d.snapshotEvery;
    const hash = snapshotPoint ? this.d.engine.stateHash() : null;
    try {
      await this.d.ds.transaction(async (m) => {
        seq = await this.d.log.append(m, kind, body, nowMs, hash);
        const audit: AuditEntry[] = [...records];
        await effects(m, audit);
        await this.d.audit.append(m, who, nowMs, audit);
      });
    } catch (e) {
      this.d.onFatal(e);
    }
    this.d.deliveries.kick();
    if (snapshotPoint && hash) {
      this.commandsSinceSnapshot = 0;
      await this.d.log.saveSnapshot(seq, this.d.engine.snapshot(), hash);
    }
  }

  private apply(kind: CommandKind, body: unknown, nowMs: number): void {
    const b = body as Record<string, unknown>;
    switch (kind) {
      case 'place':
        this.d.engine.place(body as OrderInput, nowMs);
        return;
      case 'cancel':
        this.d.engine.cancel(String(b.orderId), String(b.participantId), nowMs);
        return;
      case 'expire':
        this.d.engine.expire(nowMs);
        return;
      case 'reserve':
        this.d.engine.reserve({ reservationId: String(b.reservationId), buy: b.buy as ReservationBuySpec, maxCores: Number(b.maxCores), ttlMs: Number(b.ttlMs), nowMs });
        return;
      case 'confirm':
        this.d.engine.confirm(String(b.reservationId), nowMs);
        return;
      case 'release':
        this.d.engine.release(String(b.reservationId), nowMs);
        return;
      case 'expire_reservations':
        this.d.engine.expireReservations(nowMs);
        return;
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async knownOrder(participantId: string, clientOrderId: string, requestHash: Buffer): Promise<MarketResult<OrderOutcome> | undefined> {
    const rows: { request_sha256: Buffer; response: OrderOutcome }[] = await this.d.ds.query(`SELECT request_sha256, response FROM market_orders WHERE participant_id = $1 AND client_order_id = $2`, [participantId, clientOrderId]);
    const r = rows[0];
    if (!r) return undefined;
    if (!r.request_sha256.equals(requestHash)) return { ok: false, status: 409, code: 'ORDER_DUPLICATE_CLIENT_ID', message: `clientOrderId ${clientOrderId} was already used for a different order` };
    return { ok: true, value: r.response, replayed: true };
  }
}

// ---- audit entries (small: ids, parties, cores, prices; never payloads) -----------------

/** Listed lots per reservation record; the count is always there. */
const AUDIT_MAX_LOTS = 16;

function orderEntry(action: 'create' | 'modify' | 'delete', orderId: string, details: AuditEntry['details']): AuditEntry {
  return { action, subjectType: 'order', subjectId: orderId, details };
}

function orderCreated(o: OrderInput, result: { filledCores: number; restingCores: number; cancelledCores: number; crossSubnetFilledCores?: number }): AuditEntry {
  return orderEntry('create', o.orderId, {
    event: 'placed',
    participantId: o.participantId,
    side: o.side,
    cores: auditInt(o.cores),
    memoryMiB: auditInt(o.memoryMiB),
    durationS: auditInt(o.durationS),
    priceMinorPerCoreSecond: auditInt(o.priceMinorPerCoreSecond),
    capabilities: [...o.capabilities].map((c) => auditText(c, 16)).sort(),
    securityLevel: auditInt(o.securityLevel),
    expiresAtMs: auditInt(o.expiresAtMs),
    allOrNone: o.allOrNone ?? false,
    ...result,
  });
}

function reservationEntry(reservationId: string, details: AuditEntry['details'], action: 'create' | 'modify' = 'modify'): AuditEntry {
  return { action, subjectType: 'reservation', subjectId: reservationId, details };
}

function reservationCreated(reservationId: string, buyer: string, buyOrderId: string, maxCores: number, r: { reservedCores: number; expiresAtMs: number; lots: readonly ReservedLot[] }): AuditEntry {
  return reservationEntry(
    reservationId,
    {
      event: 'reserved',
      buyer: auditText(buyer),
      buyOrderId: auditText(buyOrderId),
      maxCores: auditInt(maxCores),
      reservedCores: r.reservedCores,
      expiresAtMs: r.expiresAtMs,
      lotCount: r.lots.length,
      lots: r.lots.slice(0, AUDIT_MAX_LOTS).map((l) => ({ sellOrderId: l.sellOrderId, seller: l.participantId, cores: l.cores, priceMinorPerCoreSecond: l.priceMinorPerCoreSecond })),
    },
    'create',
  );
}

/** A release (or expiry) gives cores back to their sells; sells the book had to cancel on the way are deletes. */
function releaseEntries(released: readonly ReleasedReservation[], cancelled: readonly CancelledRemainder[], event: 'released' | 'expired'): AuditEntry[] {
  return [
    ...released.map((x) =>
      reservationEntry(x.reservationId, { event, lotCount: x.lots.length, restoredCores: x.lots.reduce((n, l) => n + (l.restored ? l.cores : 0), 0), droppedCores: x.lots.reduce((n, l) => n + (l.restored ? 0 : l.cores), 0) }),
    ),
    ...cancelled.map((c) => orderEntry('delete', c.orderId, { event: 'cancelled-by-book', code: c.code, cancelledCores: c.cancelledCores })),
  ];
}

function leaseEntry(action: 'create' | 'modify', t: import('#libs/contracts').LeaseTerms, event: 'signed' | 'countersigned'): AuditEntry {
  return {
    action,
    subjectType: 'lease',
    subjectId: t.leaseId,
    details: {
      event,
      leaseId: auditText(t.leaseId),
      lessee: auditText(t.lessee),
      lessor: auditText(t.lessor),
      lesseeHub: auditText(t.lesseeHub),
      lessorHub: auditText(t.lessorHub),
      buyOrderId: auditText(t.buyOrderId),
      sellOrderId: auditText(t.sellOrderId),
      cores: auditInt(t.cores),
      durationS: auditInt(t.durationS),
      priceMinorPerCoreSecond: auditInt(Number(t.priceMinorPerCoreSecond)),
    },
  };
}

function buySpec(o: OrderInput): ReservationBuySpec {
  return { participantId: o.participantId, cores: o.cores, memoryMiB: o.memoryMiB, durationS: o.durationS, priceMinorPerCoreSecond: o.priceMinorPerCoreSecond, capabilities: o.capabilities, securityLevel: o.securityLevel };
}

/** Cheapest cores across the network: price, then this hub first, then hub id, then each book's own order. */
export function allocate(lots: readonly HubLot[], cores: number, selfHub: string): Map<string, number> {
  const sorted = [...lots].sort((a, b) => a.lot.priceMinorPerCoreSecond - b.lot.priceMinorPerCoreSecond || (a.hubId === selfHub ? -1 : 0) - (b.hubId === selfHub ? -1 : 0) || a.hubId.localeCompare(b.hubId) || a.index - b.index);
  const keep = new Map<string, number>();
  let left = cores;
  for (const l of sorted) {
    if (left === 0) break;
    const take = Math.min(left, l.lot.cores);
    keep.set(l.hubId, (keep.get(l.hubId) ?? 0) + take);
    left -= take;
  }
  return keep;
}

function outcome(order: OrderInput, fills: FillView[], restingCores: number, cancelledCores = 0): OrderOutcome {
  const filled = fills.reduce((n, f) => n + f.cores, 0);
  const status = filled >= order.cores && restingCores === 0 ? 'filled' : restingCores > 0 ? (filled > 0 ? 'partially-filled' : 'resting') : cancelledCores > 0 ? 'cancelled' : filled > 0 ? 'partially-filled' : 'resting';
  return { orderId: order.orderId, clientOrderId: order.clientOrderId, side: order.side, status, fills, restingCores };
}

function canonical(req: OrderRequest): string {
  return JSON.stringify([req.clientOrderId, req.side, req.cores, req.memoryMiB, req.durationS, req.priceMinorPerCoreSecond, [...req.capabilities].sort(), req.securityLevel, req.expiresAtMs, req.allOrNone ?? false]);
}

/** The terms a lessee's hub sent for our reserved lots must be exactly those lots, between the right parties. */
function checkPeerTerms(terms: readonly Uint8Array[], lots: readonly ReservedLot[], buy: ReservationBuySpec, callerHub: string, selfHub: string): string | undefined {
  if (terms.length !== lots.length) return `expected ${lots.length} lease terms, got ${terms.length}`;
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i];
    let t;
    try {
      t = pb.LeaseTerms.decode(terms[i] ?? new Uint8Array());
    } catch {
      return `terms #${i} are not LeaseTerms`;
    }
    if (!lot) return 'lot missing';
    const ok =
      t.sellOrderId === lot.sellOrderId && t.lessor === lot.participantId && t.cores === lot.cores && Number(t.priceMinorPerCoreSecond) === lot.priceMinorPerCoreSecond && t.lessorHub === selfHub && t.lesseeHub === callerHub && t.lessee === buy.participantId && t.durationS === lot.durationS;
    if (!ok) return `terms #${i} do not match reserved lot ${lot.sellOrderId}`;
  }
  return undefined;
}

export { PeerError };
