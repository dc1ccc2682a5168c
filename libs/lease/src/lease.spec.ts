import { pb } from '#libs/contracts';
import { CaTrust } from '../../relay/src/trust.js';
import { makeTestNetwork, type TestNetwork } from '../../relay/src/test-network.js';
import { LeaseCode, leaseTerms, signLease, verifyLease, type LeaseInput } from './lease.js';

let net: TestNetwork;
let rogue: TestNetwork;
const NOW = Date.now();
beforeAll(async () => {
  net = await makeTestNetwork('lease-net', { 'hub-a': [], 'hub-b': [] });
  rogue = await makeTestNetwork('rogue-net', { 'hub-b': [] });
});

const input = (over: Partial<LeaseInput> = {}): LeaseInput => ({
  lessee: 'a1', lessor: 'b1', lesseeHub: 'hub-a', lessorHub: 'hub-b', buyOrderId: 'buy-1', sellOrderId: 'sell-9', cores: 4, memoryMib: 8192, durationS: 600, priceMinorPerCoreSecond: 3, startMs: NOW, capabilities: ['tee'], securityLevel: 2, fillIndex: 0, ...over,
});

function contract(terms: Uint8Array, signers: ('hub-a' | 'hub-b')[], net2 = net): Uint8Array {
  return pb.LeaseContract.encode({ terms, signatures: signers.map((h) => signLease(terms, net2.hubs[h]!)) }).finish();
}

describe('lease contracts signed by both hubs', () => {
  it('accepts a lease signed by the lessee\'s and the lessor\'s hub', async () => {
    const r = await verifyLease(contract(leaseTerms(input()), ['hub-a', 'hub-b']), new CaTrust(net.caCertPem), NOW);
    expect(r.ok && r.terms.maxCostMinor).toBe(4 * 600 * 3);
  });

  it('accepts a same-subnet lease signed by its one hub', async () => {
    const r = await verifyLease(contract(leaseTerms(input({ lessor: 'a2', lessorHub: 'hub-a' })), ['hub-a']), new CaTrust(net.caCertPem), NOW);
    expect(r.ok).toBe(true);
  });

  it('rejects a lease missing the lessor hub\'s signature', async () => {
    const r = await verifyLease(contract(leaseTerms(input()), ['hub-a']), new CaTrust(net.caCertPem), NOW);
    expect(!r.ok && r.code).toBe(LeaseCode.SignatureMissing);
  });

  it('rejects altered terms (price lowered after signing)', async () => {
    const terms = leaseTerms(input());
    const signed = pb.LeaseContract.decode(contract(terms, ['hub-a', 'hub-b']));
    const t = pb.LeaseTerms.decode(terms);
    t.priceMinorPerCoreSecond = 1;
    t.maxCostMinor = t.cores * t.durationS;
    const r = await verifyLease(pb.LeaseContract.encode({ terms: pb.LeaseTerms.encode(t).finish(), signatures: signed.signatures }).finish(), new CaTrust(net.caCertPem), NOW);
    expect(!r.ok && r.code).toBe(LeaseCode.SignatureInvalid);
  });

  it('rejects a signature by a hub certificate from another CA', async () => {
    const terms = leaseTerms(input());
    const mixed = pb.LeaseContract.encode({ terms, signatures: [signLease(terms, net.hubs['hub-a']!), signLease(terms, rogue.hubs['hub-b']!)] }).finish();
    const r = await verifyLease(mixed, new CaTrust(net.caCertPem), NOW);
    expect(!r.ok && r.code).toBe(LeaseCode.SignerNotAHub);
  });

  it('rejects terms that do not add up, and garbage', async () => {
    const t = pb.LeaseTerms.decode(leaseTerms(input()));
    t.maxCostMinor = 1;
    const bad = pb.LeaseTerms.encode(t).finish();
    expect(await verifyLease(contract(bad, ['hub-a', 'hub-b']), new CaTrust(net.caCertPem), NOW)).toMatchObject({ ok: false, code: LeaseCode.TermsInvalid });
    expect(await verifyLease(new Uint8Array([9, 9, 9]), new CaTrust(net.caCertPem), NOW)).toMatchObject({ ok: false, code: LeaseCode.Malformed });
  });

  it('derives the same lease id from the same fill', () => {
    expect(pb.LeaseTerms.decode(leaseTerms(input())).leaseId).toBe(pb.LeaseTerms.decode(leaseTerms(input({ startMs: NOW + 5 }))).leaseId);
    expect(pb.LeaseTerms.decode(leaseTerms(input())).leaseId).not.toBe(pb.LeaseTerms.decode(leaseTerms(input({ fillIndex: 1 }))).leaseId);
  });
});
