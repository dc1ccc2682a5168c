import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { derToPem, issueNodeCertificate, pemToDer, VerifyingKey, CryptoInputError } from '#libs/crypto';
import { checkEnrollmentToken, admissionProofInput, ADMISSION_MAX_SKEW_MS } from '#libs/identity';
import type { SubnetSpec } from '#libs/config';
import type { JsonLogger } from '#libs/observability';
import type { Clock, VerifiedIdentity } from '#libs/relay';
import { AuditOrigin, OPERATOR_ACTOR, type HubAuditTrail } from '../persistence/audit.js';

export interface AdmissionRequestInput {
  readonly participantId: string;
  readonly enrollmentToken: string;
  readonly signingPublicKey: Uint8Array;
  readonly keyAgreementPublicKey: Uint8Array;
  readonly requestedAtMs: number;
  readonly proof: Uint8Array;
}

export interface IssuedIdentity {
  readonly signingCertPem: string;
  readonly keyAgreementCertPem: string;
  readonly hubCertPem: string;
  readonly caCertPem: string;
}

export type AdmissionOutcome =
  | { ok: true; identity: IssuedIdentity; reissued: boolean }
  | { ok: false; status: 400 | 401 | 403 | 409; code: string; message: string };

/** Bus access that follows admission: read own inbox, write the hub's ingress. */
export interface ParticipantBusAccess {
  grant(participantId: string): Promise<void>;
  revoke(participantId: string): Promise<void>;
}

export interface AdmissionDeps {
  readonly ds: DataSource;
  readonly hubId: string;
  readonly subnet: SubnetSpec;
  readonly enrollmentKeyHex: string;
  readonly hubCredentials: { readonly certPem: string; readonly privateKeyPem: string };
  readonly caCertPem: string;
  readonly busAccess: ParticipantBusAccess;
  readonly clock: Clock;
  readonly log: JsonLogger;
  readonly certValidityDays: number;
  /** Keys issued, re-issued and revoked are recorded here, in the transaction that changes them. */
  readonly audit: HubAuditTrail;
}

interface Admitted {
  readonly status: 'active' | 'revoked';
  readonly signingCertSha256: string;
}

const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * Participant admission (docs/identity.md): the hub operator's enrollment token
 * plus proof of key possession buys a participant two hub-issued certificates
 * (signing, key agreement) and bus access. Only admitted, unrevoked participants
 * may send through this hub or receive from it.
 */
export class AdmissionService {
  /** The hub is the single writer of its admission table, so this cache stays coherent. */
  private readonly admitted = new Map<string, Admitted>();
  private readonly verifiers = new Map<string, VerifyingKey>();

  constructor(private readonly d: AdmissionDeps) {}

  async load(): Promise<void> {
    const rows: { participant_id: string; status: 'active' | 'revoked'; signing_cert_sha256: Buffer; signing_cert: Buffer }[] = await this.d.ds.query(
      `SELECT participant_id, status, signing_cert_sha256, signing_cert FROM admitted_participants`,
    );
    for (const r of rows) {
      this.admitted.set(r.participant_id, { status: r.status, signingCertSha256: r.signing_cert_sha256.toString('hex') });
      this.verifiers.set(r.participant_id, VerifyingKey.fromCertificatePem(derToPem(r.signing_cert, 'CERTIFICATE')));
    }
  }

  /** Re-applies bus grants from the admission table (after a restart or a bus re-provisioning). */
  async reconcileBusAccess(): Promise<void> {
    for (const [id, a] of this.admitted) await (a.status === 'active' ? this.d.busAccess.grant(id) : this.d.busAccess.revoke(id));
  }

  isAdmitted(identity: VerifiedIdentity): boolean {
    const a = this.admitted.get(identity.nodeId);
    return !!a && a.status === 'active' && identity.issuerId === this.d.hubId && a.signingCertSha256 === Buffer.from(identity.certSha256).toString('hex');
  }

  /** Checks a participant's signature with the signing certificate this hub issued it (active participants only). */
  verifySignature(participantId: string, data: Uint8Array, signature: Uint8Array): boolean {
    const key = this.verifiers.get(participantId);
    return !!key && this.isActive(participantId) && key.verify(data, signature);
  }

  isActive(participantId: string): boolean {
    return this.admitted.get(participantId)?.status === 'active';
  }

  list(): { participantId: string; status: string }[] {
    return [...this.admitted].map(([participantId, a]) => ({ participantId, status: a.status }));
  }

  async admit(req: AdmissionRequestInput): Promise<AdmissionOutcome> {
    const spec = this.d.subnet.participants.find((p) => p.id === req.participantId);
    if (!spec) return deny(403, 'NOT_IN_SUBNET', `${req.participantId} is not a participant of subnet ${this.d.subnet.id}`);
    const now = this.d.clock.nowMs();
    const token = checkEnrollmentToken(this.d.enrollmentKeyHex, req.enrollmentToken, req.participantId, now);
    if (!token.ok) return deny(401, token.code, token.detail);
    if (Math.abs(now - req.requestedAtMs) > ADMISSION_MAX_SKEW_MS) return deny(400, 'REQUEST_STALE', 'requestedAtMs is too far from the hub clock');
    let signingKey: VerifyingKey;
    try {
      signingKey = VerifyingKey.fromSpkiPem(derToPem(req.signingPublicKey, 'PUBLIC KEY'));
    } catch {
      return deny(400, 'KEY_INVALID', 'signingPublicKey is not a P-256 SPKI');
    }
    if (!signingKey.verify(admissionProofInput(req.participantId, req.signingPublicKey, req.keyAgreementPublicKey, req.requestedAtMs), req.proof))
      return deny(400, 'PROOF_INVALID', 'proof does not verify with signingPublicKey');

    const tokenHash = createHash('sha256').update(req.enrollmentToken).digest();
    const spkiHash = createHash('sha256').update(req.signingPublicKey).digest();
    const used: { participant_id: string; signing_spki_sha256: Buffer }[] = await this.d.ds.query(`SELECT participant_id, signing_spki_sha256 FROM used_enrollment_tokens WHERE token_sha256 = $1`, [tokenHash]);
    if (used[0]) {
      if (!used[0].signing_spki_sha256.equals(spkiHash)) return deny(409, 'TOKEN_ALREADY_USED', 'this enrollment token was used with other keys');
      const existing = await this.identityOf(req.participantId);
      if (existing) {
        await this.recordReissue(req.participantId, existing, tokenHash, now);
        return { ok: true, identity: existing, reissued: true };
      }
    }
    let identity: IssuedIdentity;
    try {
      identity = await this.issue(req);
    } catch (e) {
      if (e instanceof CryptoInputError) return deny(400, 'KEY_INVALID', e.message);
      throw e;
    }
    await this.store(req, spec.securityLevel, identity, tokenHash, spkiHash, now);
    await this.d.busAccess.grant(req.participantId);
    this.d.log.info('participant admitted', { participantId: req.participantId, audit: 'admission.granted' });
    return { ok: true, identity, reissued: false };
  }

  async revoke(participantId: string): Promise<boolean> {
    const revoked = await this.d.ds.transaction(async (m) => {
      // TypeORM answers an UPDATE on PostgreSQL with [returned rows, affected count].
      const [rows]: [{ signing_cert_sha256: Buffer; key_agreement_cert: Buffer }[], number] = await m.query(
        `UPDATE admitted_participants SET status = 'revoked', revoked_at = now() WHERE participant_id = $1 AND status = 'active' RETURNING signing_cert_sha256, key_agreement_cert`,
        [participantId],
      );
      const r = rows[0];
      if (!r) return false;
      await this.d.audit.append(m, { actor: OPERATOR_ACTOR, origin: AuditOrigin.operator }, this.d.clock.nowMs(), [
        { action: 'delete', subjectType: 'key', subjectId: participantId, details: { event: 'revoked', participantId, issuerHubId: this.d.hubId, signingCertSha256: r.signing_cert_sha256.toString('hex'), keyAgreementCertSha256: sha256Hex(r.key_agreement_cert) } },
      ]);
      return true;
    });
    if (!revoked) return false;
    const a = this.admitted.get(participantId);
    if (a) this.admitted.set(participantId, { ...a, status: 'revoked' });
    await this.d.busAccess.revoke(participantId);
    this.d.log.warn('participant revoked', { participantId, audit: 'admission.revoked' });
    return true;
  }

  /** Public certificates of an admitted participant (directory lookups). */
  async identityOf(participantId: string): Promise<IssuedIdentity | undefined> {
    const rows: { signing_cert: Buffer; key_agreement_cert: Buffer }[] = await this.d.ds.query(
      `SELECT signing_cert, key_agreement_cert FROM admitted_participants WHERE participant_id = $1 AND status = 'active'`,
      [participantId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      signingCertPem: derToPem(r.signing_cert, 'CERTIFICATE'),
      keyAgreementCertPem: derToPem(r.key_agreement_cert, 'CERTIFICATE'),
      hubCertPem: this.d.hubCredentials.certPem,
      caCertPem: this.d.caCertPem,
    };
  }

  private async issue(req: AdmissionRequestInput): Promise<IssuedIdentity> {
    const common = { issuer: this.d.hubCredentials, nodeId: req.participantId, role: 'participant' as const, validityDays: this.d.certValidityDays };
    const signing = await issueNodeCertificate({ ...common, usage: 'signing', publicKey: derToPem(req.signingPublicKey, 'PUBLIC KEY') });
    const kex = await issueNodeCertificate({ ...common, usage: 'key-agreement', publicKey: derToPem(req.keyAgreementPublicKey, 'PUBLIC KEY') });
    return { signingCertPem: signing.certPem, keyAgreementCertPem: kex.certPem, hubCertPem: this.d.hubCredentials.certPem, caCertPem: this.d.caCertPem };
  }

  /**
   * The same token and keys again (a participant that lost the answer): the stored
   * certificates are handed out once more. Nothing changes, but keys left the hub,
   * so it is recorded (action `reissue`).
   */
  private async recordReissue(participantId: string, identity: IssuedIdentity, tokenHash: Buffer, nowMs: number): Promise<void> {
    await this.d.ds.transaction((m) =>
      this.d.audit.append(m, { actor: participantId, origin: AuditOrigin.admission }, nowMs, [
        { action: 'reissue', subjectType: 'key', subjectId: participantId, details: { event: 'reissued', participantId, issuerHubId: this.d.hubId, signingCertSha256: sha256Hex(der(identity.signingCertPem)), keyAgreementCertSha256: sha256Hex(der(identity.keyAgreementCertPem)), enrollmentTokenSha256: tokenHash.toString('hex') } },
      ]),
    );
  }

  private async store(req: AdmissionRequestInput, securityLevel: number, identity: IssuedIdentity, tokenHash: Buffer, spkiHash: Buffer, nowMs: number): Promise<void> {
    const signingDer = der(identity.signingCertPem);
    const kexDer = der(identity.keyAgreementCertPem);
    await this.d.ds.transaction(async (m) => {
      const before: { status: string }[] = await m.query(`SELECT status FROM admitted_participants WHERE participant_id = $1 FOR UPDATE`, [req.participantId]);
      await m.query(
        `INSERT INTO admitted_participants (participant_id, signing_cert, key_agreement_cert, signing_cert_sha256, signing_spki_sha256, security_level, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'active')
         ON CONFLICT (participant_id) DO UPDATE SET signing_cert = EXCLUDED.signing_cert, key_agreement_cert = EXCLUDED.key_agreement_cert,
           signing_cert_sha256 = EXCLUDED.signing_cert_sha256, signing_spki_sha256 = EXCLUDED.signing_spki_sha256,
           security_level = EXCLUDED.security_level, status = 'active', admitted_at = now(), revoked_at = NULL`,
        [req.participantId, signingDer, kexDer, createHash('sha256').update(signingDer).digest(), spkiHash, securityLevel],
      );
      await m.query(`INSERT INTO used_enrollment_tokens (token_sha256, participant_id, signing_spki_sha256) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [tokenHash, req.participantId, spkiHash]);
      // Keys issued: fingerprints only (certificates are public, private keys never reach the hub).
      const previous = before[0]?.status;
      await this.d.audit.append(m, { actor: req.participantId, origin: AuditOrigin.admission }, nowMs, [
        {
          action: previous ? 'modify' : 'create',
          subjectType: 'key',
          subjectId: req.participantId,
          details: {
            event: previous ? 'readmitted' : 'admitted',
            participantId: req.participantId,
            issuerHubId: this.d.hubId,
            securityLevel,
            signingCertSha256: sha256Hex(signingDer),
            keyAgreementCertSha256: sha256Hex(kexDer),
            signingSpkiSha256: spkiHash.toString('hex'),
            enrollmentTokenSha256: tokenHash.toString('hex'),
            previousStatus: previous ?? null,
          },
        },
      ]);
    });
    this.admitted.set(req.participantId, { status: 'active', signingCertSha256: sha256Hex(signingDer) });
    this.verifiers.set(req.participantId, VerifyingKey.fromCertificatePem(identity.signingCertPem));
  }
}

function der(pem: string): Buffer {
  const d = pemToDer(pem, 'CERTIFICATE');
  if (!d) throw new Error('issued certificate is not PEM');
  return Buffer.from(d);
}

function deny(status: 400 | 401 | 403 | 409, code: string, message: string): AdmissionOutcome {
  return { ok: false, status, code, message };
}
