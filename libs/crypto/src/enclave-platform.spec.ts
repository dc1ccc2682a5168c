// The additive `enclave-platform` leaf role (libs/enclave quote-signing keys).
import {
  createNetworkCa,
  exportPrivateKeyPem,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  issueHubCertificate,
  issueNodeCertificate,
  parseNodeIdentity,
  verifyChain,
  verifyEnclavePlatformChain,
  type IssuerCredentials,
  type NetworkCa,
} from './pki.js';
import { CryptoInputError } from './errors.js';

let ca: NetworkCa;
let hub: IssuerCredentials;
let platformPem: string;
let participantPem: string;

beforeAll(async () => {
  ca = await createNetworkCa({ networkName: 'datanet-test', validityDays: 30 });
  const hubKeys = await generateSigningKeyPair();
  const hubCert = await issueHubCertificate({ ca, hubId: 'hub-1', publicKey: hubKeys.publicKey, validityDays: 20 });
  hub = { certPem: hubCert.certPem, privateKeyPem: await exportPrivateKeyPem(hubKeys.privateKey) };
  const platformKeys = await generateSigningKeyPair();
  platformPem = (
    await issueNodeCertificate({ issuer: hub, nodeId: 'lessor-1', role: 'enclave-platform', usage: 'signing', publicKey: platformKeys.publicKey, validityDays: 10 })
  ).certPem;
  const participantKeys = await generateSigningKeyPair();
  participantPem = (
    await issueNodeCertificate({ issuer: hub, nodeId: 'lessor-1', role: 'participant', usage: 'signing', publicKey: participantKeys.publicKey, validityDays: 10 })
  ).certPem;
});

const platformChain = (leafPem: string) => ({ leafPem, intermediatesPem: [hub.certPem], trustAnchorPem: ca.certPem, at: new Date() });
const chain = (leafPem: string) => ({ ...platformChain(leafPem), expectedUsage: 'signing' as const });

describe('enclave-platform certificates', () => {
  it('verify through verifyEnclavePlatformChain', async () => {
    const ok = await verifyEnclavePlatformChain(platformChain(platformPem));
    expect(ok.ok && ok.role).toBe('enclave-platform');
    expect(ok.ok && ok.nodeId).toBe('lessor-1');
    expect(parseNodeIdentity(platformPem).role).toBe('enclave-platform');
  });

  it('never pass verifyChain as a node identity (no expected role, or participant expected)', async () => {
    expect(await verifyChain(chain(platformPem))).toMatchObject({ ok: false, code: 'CERT_ROLE_INVALID' });
    expect(await verifyChain({ ...chain(platformPem), expectedRole: 'participant' })).toMatchObject({ ok: false, code: 'CERT_ROLE_INVALID' });
  });

  it('are not satisfied by a participant certificate', async () => {
    expect(await verifyEnclavePlatformChain(platformChain(participantPem))).toMatchObject({ ok: false, code: 'CERT_ROLE_INVALID' });
  });

  it('fail like verifyChain on a foreign CA and after expiry', async () => {
    const otherCa = await createNetworkCa({ networkName: 'datanet-test', validityDays: 30 });
    expect(await verifyEnclavePlatformChain({ ...platformChain(platformPem), trustAnchorPem: otherCa.certPem })).toMatchObject({ ok: false, code: 'CERT_CHAIN_INVALID' });
    expect(await verifyEnclavePlatformChain({ ...platformChain(platformPem), at: new Date(Date.now() + 11 * 86_400_000) })).toMatchObject({ ok: false, code: 'CERT_EXPIRED' });
  });

  it('certify signing keys only', async () => {
    const keys = await generateKeyAgreementKeyPair();
    await expect(
      issueNodeCertificate({ issuer: hub, nodeId: 'lessor-1', role: 'enclave-platform', usage: 'key-agreement', publicKey: keys.publicKey, validityDays: 1 }),
    ).rejects.toThrow(CryptoInputError);
  });
});
