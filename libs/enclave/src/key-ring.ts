// Lessee-side registry of session keys (claim 3: a distinct key per lessor and per lease).
import { rejection, type EnclaveRejection } from './port.js';

export interface KeyRingEntry {
  keyId: string;
  lessorId: string;
  leaseId: string;
  /** The enclave's ECDH public key (hex) the key was agreed with. */
  enclavePublicKey: string;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * Detects key reuse across lessors: one key id, or one enclave key-agreement key, may belong
 * to exactly one (lessor, lease). HKDF binds lessor and lease into every key, so a collision
 * means a bug or an attack (e.g. two lessors presenting the same cloned enclave key), and the
 * lessee must not send data under it. Registering the same entry again is a no-op (replay).
 */
export class KeyRing {
  private readonly byKeyId = new Map<string, KeyRingEntry>();
  private readonly byEnclaveKey = new Map<string, KeyRingEntry>();

  constructor(private readonly maxEntries: number = DEFAULT_MAX_ENTRIES) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  register(entry: KeyRingEntry): { ok: true } | EnclaveRejection {
    const conflict = this.conflict(this.byKeyId.get(entry.keyId), entry, 'key id') ?? this.conflict(this.byEnclaveKey.get(entry.enclavePublicKey), entry, 'enclave key');
    if (conflict !== null) return conflict;
    this.evictIfFull();
    this.byKeyId.set(entry.keyId, entry);
    this.byEnclaveKey.set(entry.enclavePublicKey, entry);
    return { ok: true };
  }

  lessorOf(keyId: string): string | undefined {
    return this.byKeyId.get(keyId)?.lessorId;
  }

  get size(): number {
    return this.byKeyId.size;
  }

  private conflict(existing: KeyRingEntry | undefined, entry: KeyRingEntry, what: string): EnclaveRejection | null {
    if (existing === undefined || (existing.lessorId === entry.lessorId && existing.leaseId === entry.leaseId)) return null;
    return rejection(
      'KEY_REUSED_ACROSS_LESSORS',
      `${what} already belongs to lessor ${existing.lessorId} lease ${existing.leaseId}; refused for lessor ${entry.lessorId} lease ${entry.leaseId}`,
    );
  }

  /** Bounded memory: the oldest leases are long finished by the time 100k newer ones exist. */
  private evictIfFull(): void {
    if (this.byKeyId.size < this.maxEntries) return;
    const oldest = this.byKeyId.values().next();
    if (oldest.done === true) return;
    this.byKeyId.delete(oldest.value.keyId);
    this.byEnclaveKey.delete(oldest.value.enclavePublicKey);
  }
}
