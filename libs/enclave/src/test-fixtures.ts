// Test-only PKI for enclave specs: a network CA, a hub, enclave-platform certificates for two
// lessors, and one from a rogue CA. Not exported from index.ts.
import {
  createNetworkCa,
  exportPrivateKeyPem,
  generateSigningKeyPair,
  issueHubCertificate,
  issueNodeCertificate,
  type IssuerCredentials,
  type NetworkCa,
} from '#libs/crypto';
import type { PlatformCredentials } from './simulated/simulated-software-enclave.js';

export interface EnclavePki {
  ca: NetworkCa;
  hub: IssuerCredentials;
  platformFor(lessorId: string): Promise<PlatformCredentials>;
  /** A platform certificate for `lessorId` from a CA the network does not trust. */
  roguePlatformFor(lessorId: string): Promise<PlatformCredentials>;
}

async function issuePlatform(issuer: IssuerCredentials, chainPem: string[], lessorId: string): Promise<PlatformCredentials> {
  const keys = await generateSigningKeyPair();
  const cert = await issueNodeCertificate({ issuer, nodeId: lessorId, role: 'enclave-platform', usage: 'signing', publicKey: keys.publicKey, validityDays: 5 });
  return { privateKeyPem: await exportPrivateKeyPem(keys.privateKey), certPem: cert.certPem, chainPem };
}

async function hubUnder(ca: NetworkCa, hubId: string): Promise<IssuerCredentials> {
  const keys = await generateSigningKeyPair();
  const cert = await issueHubCertificate({ ca, hubId, publicKey: keys.publicKey, validityDays: 10 });
  return { certPem: cert.certPem, privateKeyPem: await exportPrivateKeyPem(keys.privateKey) };
}

export async function createEnclavePki(): Promise<EnclavePki> {
  const ca = await createNetworkCa({ networkName: 'datanet-test', validityDays: 30 });
  const hub = await hubUnder(ca, 'hub-1');
  // Same network name and hub id: only the signatures tell the rogue chain apart.
  const rogueCa = await createNetworkCa({ networkName: 'datanet-test', validityDays: 30 });
  const rogueHub = await hubUnder(rogueCa, 'hub-1');
  return {
    ca,
    hub,
    platformFor: (lessorId) => issuePlatform(hub, [hub.certPem], lessorId),
    roguePlatformFor: (lessorId) => issuePlatform(rogueHub, [rogueHub.certPem], lessorId),
  };
}
