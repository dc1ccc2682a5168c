// Throughput probe, skipped unless ENCLAVE_BENCH=1 (numbers go into README "Performance"):
//   ENCLAVE_BENCH=1 node --experimental-vm-modules node_modules/jest/bin/jest.js enclave-throughput
import { KeyRing } from '../key-ring.js';
import { establishSession, freshNonce, instructionDigestOf } from '../lessee-session.js';
import { PlatformChainCache, verifyQuote } from '../quote-verifier.js';
import { createEnclavePki } from '../test-fixtures.js';
import { NUMERIC_ROWS_WORKLOAD_PATH, SimulatedSoftwareEnclave } from './simulated-software-enclave.js';

const maybe = process.env.ENCLAVE_BENCH === '1' ? describe : describe.skip;

async function rate(label: string, iterations: number, body: (i: number) => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await body(i);
  const perSecond = iterations / (Number(process.hrtime.bigint() - started) / 1e9);
  process.stdout.write(`${label}: ${perSecond.toFixed(0)}/s\n`);
  return perSecond;
}

maybe('enclave throughput', () => {
  it('measures quote verification and full handshakes', async () => {
    const pki = await createEnclavePki();
    const enclave = await SimulatedSoftwareEnclave.start({ platform: await pki.platformFor('lessor-a'), workloadPath: NUMERIC_ROWS_WORKLOAD_PATH });
    try {
      const instructionDigest = instructionDigestOf('{"op":"sum"}');
      const base = { trustAnchorPem: pki.ca.certPem, allowedTeeTypes: ['simulated-software'] as const, allowedMeasurements: [enclave.measurement], lessorId: 'lessor-a', instructionDigest, maxAgeMs: 600_000 };
      const nonce = freshNonce();
      const attested = await enclave.attest({ nonce, leaseId: 'lease-b', instructionDigest });
      if (!attested.ok) throw new Error(attested.detail);
      const policy = { ...base, leaseId: 'lease-b', nonce };
      await rate('verifyQuote (chain verified every time)', 200, async () => void (await verifyQuote(attested.quote, policy)));
      const cache = new PlatformChainCache();
      await rate('verifyQuote (platform chain cached)', 5000, async () => void (await verifyQuote(attested.quote, policy, cache)));
      const ring = new KeyRing();
      const big = await SimulatedSoftwareEnclave.start({ platform: await pki.platformFor('lessor-a'), workloadPath: NUMERIC_ROWS_WORKLOAD_PATH, maxSessions: 100_000 });
      try {
        await rate('handshake (attest + verify cached + negotiate + confirm)', 1000, async (i) => {
          const r = await establishSession({ enclave: big, policy: { ...base, leaseId: `lease-${i}` }, lesseeId: 'lessee-1', keyRing: ring, chainCache: cache });
          if (!r.ok) throw new Error(r.detail);
        });
      } finally {
        await big.close();
      }
    } finally {
      await enclave.close();
    }
  });
});
