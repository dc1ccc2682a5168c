import { KeyObject, createPrivateKey } from 'node:crypto';
import {
  createNetworkCa,
  exportPrivateKeyPem,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  issueHubCertificate,
  issueNodeCertificate,
  pemToDer,
  SigningKey,
} from '#libs/crypto';
import type { SenderIdentity, RecipientKey } from './sender.js';
import type { HubStamper } from './stamp.js';

/** In-memory identities for tests of the relay: a CA, hubs, and participants they admitted. */
export interface TestParticipant {
  readonly sender: SenderIdentity;
  readonly recipient: RecipientKey;
  readonly keyAgreementPrivateKey: KeyObject;
}

export interface TestNetwork {
  readonly caCertPem: string;
  readonly hubs: Record<string, HubStamper & { readonly certPem: string; readonly keyPem: string }>;
  readonly participants: Record<string, TestParticipant>;
}

const der = (pem: string): Uint8Array => {
  const d = pemToDer(pem, 'CERTIFICATE');
  if (!d) throw new Error('not a certificate');
  return d;
};

export async function makeTestNetwork(networkName: string, layout: Record<string, string[]>): Promise<TestNetwork> {
  const ca = await createNetworkCa({ networkName, validityDays: 30 });
  const hubs: TestNetwork['hubs'] = {};
  const participants: Record<string, TestParticipant> = {};
  for (const [hubId, members] of Object.entries(layout)) {
    const hk = await generateSigningKeyPair();
    const hubCert = await issueHubCertificate({ ca, hubId, publicKey: hk.publicKey, validityDays: 30 });
    const hubKeyPem = await exportPrivateKeyPem(hk.privateKey);
    hubs[hubId] = { hubId, signingKey: SigningKey.fromPkcs8Pem(hubKeyPem), certDer: der(hubCert.certPem), certPem: hubCert.certPem, keyPem: hubKeyPem };
    for (const id of members) participants[id] = await makeParticipant({ certPem: hubCert.certPem, privateKeyPem: hubKeyPem }, hubId, id);
  }
  return { caCertPem: ca.certPem, hubs, participants };
}

export async function makeParticipant(issuer: { certPem: string; privateKeyPem: string }, hubId: string, nodeId: string): Promise<TestParticipant> {
  const s = await generateSigningKeyPair();
  const k = await generateKeyAgreementKeyPair();
  const sCert = await issueNodeCertificate({ issuer, nodeId, role: 'participant', usage: 'signing', publicKey: s.publicKey, validityDays: 30 });
  const kCert = await issueNodeCertificate({ issuer, nodeId, role: 'participant', usage: 'key-agreement', publicKey: k.publicKey, validityDays: 30 });
  void kCert;
  return {
    sender: { nodeId, hubId, signingKey: SigningKey.fromPkcs8Pem(await exportPrivateKeyPem(s.privateKey)), chainDer: [der(sCert.certPem), der(issuer.certPem)] },
    recipient: { nodeId, hubId, keyAgreementKey: KeyObject.from(k.publicKey) },
    keyAgreementPrivateKey: createPrivateKey(await exportPrivateKeyPem(k.privateKey)),
  };
}
