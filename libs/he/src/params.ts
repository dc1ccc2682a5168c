/**
 * Named parameter sets. Each is a fixed, reviewed choice so that two parties
 * only need to agree on a name (claim 5: the lessee's encryption parameters
 * travel with the sub-task). Security levels follow the HomomorphicEncryption.org
 * standard table that SEAL enforces (`SecurityLevel.tc128`): for N=8192 the
 * total coefficient modulus must be <= 218 bits, for N=16384 <= 438 bits.
 */
export type HeScheme = 'ckks' | 'bfv';

export interface HeParamSet {
  readonly name: HeParamSetName;
  readonly scheme: HeScheme;
  readonly polyModulusDegree: number;
  /** Bit sizes of the coefficient modulus primes; the last one is the special (key-switching) prime. */
  readonly coeffModulusBits: readonly number[];
  /** CKKS encoding scale (2^40); 0 for BFV. */
  readonly scale: number;
  /** BFV batching plain modulus bit size; 0 for CKKS. */
  readonly plainModulusBits: number;
  /** Rescales available = data primes - 1 (CKKS). */
  readonly maxDepth: number;
  readonly slots: number;
  readonly securityBits: 128;
  /** Largest magnitude a CKKS slot may hold at any point without wrapping (first prime bits - scale bits). */
  readonly maxAbsValue: number;
  /** Most Galois (rotation) steps a key set may hold; each costs ~1.5 MB at N=8192. */
  readonly maxGaloisSteps: number;
  readonly limits: HeSizeLimits;
}

/** Byte limits enforced *before* any bytes reach SEAL's deserializer. */
export interface HeSizeLimits {
  readonly ciphertextBytesMax: number;
  readonly publicKeyBytesMax: number;
  readonly relinKeysBytesMax: number;
  readonly galoisKeysBytesMax: number;
  readonly secretKeyBytesMax: number;
}

export const HE_PARAM_SET_NAMES = ['ckks-8192', 'ckks-16384', 'bfv-8192'] as const;
export type HeParamSetName = (typeof HE_PARAM_SET_NAMES)[number];

/** Slack for SEAL headers and zstd/zlib framing on top of the raw polynomial bytes. */
const HEADER_SLACK_BYTES = 64 * 1024;
const BYTES_PER_COEFF = 8;

function sizeLimits(n: number, primes: number, maxGaloisSteps: number): HeSizeLimits {
  const poly = n * BYTES_PER_COEFF;
  const dataPrimes = primes - 1;
  // A key-switching key holds (dataPrimes) public-key-sized components at the key level.
  const keySwitchKey = dataPrimes * 2 * poly * primes;
  return {
    // Size 3 covers an un-relinearized product.
    ciphertextBytesMax: 3 * poly * dataPrimes + HEADER_SLACK_BYTES,
    publicKeyBytesMax: 2 * poly * primes + HEADER_SLACK_BYTES,
    relinKeysBytesMax: keySwitchKey + HEADER_SLACK_BYTES,
    galoisKeysBytesMax: maxGaloisSteps * keySwitchKey + HEADER_SLACK_BYTES,
    secretKeyBytesMax: poly * primes + HEADER_SLACK_BYTES,
  };
}

function ckks(name: HeParamSetName, n: number, bits: readonly number[], maxGaloisSteps: number): HeParamSet {
  const scaleBits = 40;
  return {
    name,
    scheme: 'ckks',
    polyModulusDegree: n,
    coeffModulusBits: bits,
    scale: 2 ** scaleBits,
    plainModulusBits: 0,
    maxDepth: bits.length - 2,
    slots: n / 2,
    securityBits: 128,
    maxAbsValue: 2 ** ((bits[0] ?? scaleBits) - scaleBits - 1),
    maxGaloisSteps,
    limits: sizeLimits(n, bits.length, maxGaloisSteps),
  };
}

export const HE_PARAM_SETS: Readonly<Record<HeParamSetName, HeParamSet>> = {
  'ckks-8192': ckks('ckks-8192', 8192, [60, 40, 40, 60], 16),
  'ckks-16384': ckks('ckks-16384', 16384, [60, 40, 40, 40, 40, 40, 60], 16),
  'bfv-8192': {
    name: 'bfv-8192',
    scheme: 'bfv',
    polyModulusDegree: 8192,
    // SEAL's BFVDefault(8192, tc128): 218 bits in five primes.
    coeffModulusBits: [43, 43, 44, 44, 44],
    scale: 0,
    plainModulusBits: 20,
    maxDepth: 3,
    slots: 8192,
    securityBits: 128,
    // Batching plain modulus t is a 20-bit prime (> 2^19); signed values live in (-t/2, t/2).
    maxAbsValue: 2 ** 18,
    maxGaloisSteps: 16,
    limits: sizeLimits(8192, 5, 16),
  },
};

export function isHeParamSetName(value: unknown): value is HeParamSetName {
  return typeof value === 'string' && (HE_PARAM_SET_NAMES as readonly string[]).includes(value);
}
