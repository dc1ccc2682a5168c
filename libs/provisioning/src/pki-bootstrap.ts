import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createNetworkCa,
  exportPrivateKeyPem,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  issueHubCertificate,
  issueNodeCertificate,
  saveKeyFile,
} from '#libs/crypto';
import { allNodes, type Topology } from '#libs/config';
import { issueEnrollmentToken, pkiPaths } from '#libs/identity';

export interface PkiBootstrapOptions {
  readonly topology: Topology;
  /** Root of the secrets tree: ca/ holds the CA, <nodeId>/ each node's PKI dir. */
  readonly outDir: string;
  readonly caValidityDays?: number;
  readonly nodeValidityDays?: number;
  readonly enrollmentTokenTtlMs?: number;
  readonly nowMs?: number;
}

export interface PkiBootstrapReport {
  readonly created: string[];
  readonly kept: string[];
}

/**
 * Trial/embedded PKI: creates the network CA, every hub's certificate and
 * enrollment key, the settlement services' identities, and one enrollment token
 * per participant. Idempotent: existing material is kept, so restarting the
 * embedded network keeps every identity. A production operator supplies their own
 * CA and runs hubs' issuance under their own controls (docs/identity.md).
 */
export async function bootstrapPki(o: PkiBootstrapOptions): Promise<PkiBootstrapReport> {
  const report = { created: [] as string[], kept: [] as string[] };
  const caDir = pkiPaths(join(o.outDir, 'ca'));
  const caValidityDays = o.caValidityDays ?? 3650;
  const nodeValidityDays = o.nodeValidityDays ?? 365;
  if (!existsSync(caDir.caKey)) {
    const ca = await createNetworkCa({ networkName: o.topology.network, validityDays: caValidityDays });
    await mkdir(caDir.dir, { recursive: true, mode: 0o700 });
    await saveKeyFile(caDir.caKey, ca.privateKeyPem);
    await writeFile(caDir.caCert, ca.certPem);
    report.created.push('ca');
  } else report.kept.push('ca');
  const ca = { certPem: await readFile(caDir.caCert, 'utf8'), privateKeyPem: await readFile(caDir.caKey, 'utf8') };

  for (const node of allNodes(o.topology)) {
    const paths = pkiPaths(join(o.outDir, node.id));
    await mkdir(paths.dir, { recursive: true, mode: 0o700 });
    await copyFile(caDir.caCert, paths.caCert);
    if (!existsSync(paths.dbPassword)) await writeFile(paths.dbPassword, randomBytes(18).toString('base64url'), { mode: 0o600 });
    let created = false;
    switch (node.role) {
      case 'hub':
        created = await ensureHub(ca, node.id, paths, nodeValidityDays);
        break;
      case 'settlement':
        created = await ensureLeafPair(ca, node.id, 'settlement', paths, nodeValidityDays);
        break;
      case 'participant':
        created = await ensureEnrollmentToken(o, node.id, node.subnet?.hub.id ?? '', paths);
        created = (await ensureEnclavePlatform(ca, node.id, paths, nodeValidityDays)) || created;
        break;
    }
    (created ? report.created : report.kept).push(node.id);
  }
  // Hubs deliver leases to the settlement services they serve: give each hub their
  // key-agreement certificates (public; a real operator receives them from the exchange).
  for (const x of o.topology.settlement) {
    for (const hubId of x.hubs) {
      const peers = join(o.outDir, hubId, 'peers');
      await mkdir(peers, { recursive: true, mode: 0o700 });
      await copyFile(pkiPaths(join(o.outDir, x.id)).kexCert, join(peers, `${x.id}.kex.crt`));
    }
  }
  return report;
}

async function ensureHub(ca: { certPem: string; privateKeyPem: string }, hubId: string, paths: ReturnType<typeof pkiPaths>, validityDays: number): Promise<boolean> {
  if (existsSync(paths.nodeKey) && existsSync(paths.nodeCert) && existsSync(paths.enrollmentKey)) return false;
  const keys = await generateSigningKeyPair();
  const cert = await issueHubCertificate({ ca, hubId, publicKey: keys.publicKey, validityDays });
  await saveKeyFile(paths.nodeKey, await exportPrivateKeyPem(keys.privateKey));
  await writeFile(paths.nodeCert, cert.certPem);
  await writeFile(paths.enrollmentKey, randomBytes(32).toString('hex'), { mode: 0o600 });
  return true;
}

/** Settlement services are certified by the network CA directly: they are not admitted by one hub. */
async function ensureLeafPair(issuer: { certPem: string; privateKeyPem: string }, nodeId: string, role: 'settlement', paths: ReturnType<typeof pkiPaths>, validityDays: number): Promise<boolean> {
  if (existsSync(paths.signingKey) && existsSync(paths.kexKey)) return false;
  const signing = await generateSigningKeyPair();
  const kex = await generateKeyAgreementKeyPair();
  const sCert = await issueNodeCertificate({ issuer, nodeId, role, usage: 'signing', publicKey: signing.publicKey, validityDays });
  const kCert = await issueNodeCertificate({ issuer, nodeId, role, usage: 'key-agreement', publicKey: kex.publicKey, validityDays });
  await saveKeyFile(paths.signingKey, await exportPrivateKeyPem(signing.privateKey));
  await saveKeyFile(paths.kexKey, await exportPrivateKeyPem(kex.privateKey));
  await writeFile(paths.signingCert, sCert.certPem);
  await writeFile(paths.kexCert, kCert.certPem);
  return true;
}

/**
 * The quote-signing identity of a participant's enclave platform. With real TEEs the
 * hardware vendor certifies this key; the trial network's CA plays that role for the
 * SIMULATED software enclave (libs/enclave), whose key lives on the lessor's host and
 * therefore proves only what the simulation can (docs/decisions/simulated-enclave.md).
 */
async function ensureEnclavePlatform(ca: { certPem: string; privateKeyPem: string }, nodeId: string, paths: ReturnType<typeof pkiPaths>, validityDays: number): Promise<boolean> {
  if (existsSync(paths.enclavePlatformKey) && existsSync(paths.enclavePlatformCert)) return false;
  const keys = await generateSigningKeyPair();
  const cert = await issueNodeCertificate({ issuer: ca, nodeId, role: 'enclave-platform', usage: 'signing', publicKey: keys.publicKey, validityDays });
  await saveKeyFile(paths.enclavePlatformKey, await exportPrivateKeyPem(keys.privateKey));
  await writeFile(paths.enclavePlatformCert, cert.certPem);
  return true;
}

/** A participant that holds no certificates yet gets a fresh token from its hub's key. */
async function ensureEnrollmentToken(o: PkiBootstrapOptions, participantId: string, hubId: string, paths: ReturnType<typeof pkiPaths>): Promise<boolean> {
  if (existsSync(paths.signingCert)) return false;
  const hubKey = (await readFile(pkiPaths(join(o.outDir, hubId)).enrollmentKey, 'utf8')).trim();
  const ttl = o.enrollmentTokenTtlMs ?? 7 * 24 * 3600 * 1000;
  await writeFile(paths.enrollmentToken, issueEnrollmentToken(hubKey, participantId, (o.nowMs ?? Date.now()) + ttl), { mode: 0o600 });
  return true;
}
