import { OrderCode, toHubOrder, validateOrder } from './order-validation.js';

const NOW = 1_800_000_000_000;
const good = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  clientOrderId: 'c-1',
  side: 'buy',
  cores: 4,
  memoryMiB: 8192,
  durationS: 600,
  priceMinorPerCoreSecond: 3,
  capabilities: ['tee'],
  securityLevel: 2,
  expiresAtMs: NOW + 60_000,
  ...over,
});
const codeOf = (over: Record<string, unknown>): string | undefined => {
  const r = validateOrder(good(over), NOW);
  return r.ok ? undefined : r.code;
};

describe('order validation (POST /v1/orders)', () => {
  it('accepts a well-formed order and resolves it for the hub', () => {
    const r = validateOrder(good({ capabilities: ['tee', 'he', 'tee'], allOrNone: true }), NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.order.capabilities).toEqual(['he', 'tee']);
    expect(toHubOrder(r.order, 'c-1', NOW)).toEqual({
      clientOrderId: 'c-1', side: 'buy', cores: 4, memoryMiB: 8192, durationS: 600, priceMinorPerCoreSecond: 3, capabilities: ['he', 'tee'], securityLevel: 2, expiresAtMs: NOW + 60_000, allOrNone: true,
    });
  });

  it('resolves a relative expiry (expiresInS) at the time given', () => {
    const { expiresAtMs: _drop, ...rest } = good();
    const r = validateOrder({ ...rest, expiresInS: 30 }, NOW);
    expect(r.ok && toHubOrder(r.order, 'c-1', NOW + 5).expiresAtMs).toBe(NOW + 5 + 30_000);
  });

  it.each([
    ['cores', -1],
    ['memoryMiB', -8192],
    ['durationS', -1],
    ['priceMinorPerCoreSecond', -3],
    ['expiresAtMs', -1],
    ['priceMinorPerCoreSecond', -0.5],
  ])('ORDER_VALUE_NEGATIVE for %s = %p', (field, value) => {
    expect(codeOf({ [field]: value })).toBe(OrderCode.ValueNegative);
  });

  it('ORDER_VALUE_NEGATIVE for a negative relative expiry', () => {
    const { expiresAtMs: _drop, ...rest } = good();
    expect(validateOrder({ ...rest, expiresInS: -5 }, NOW)).toMatchObject({ ok: false, code: OrderCode.ValueNegative });
  });

  it.each(['cores', 'memoryMiB', 'durationS', 'priceMinorPerCoreSecond', 'expiresAtMs'])('ORDER_VALUE_ZERO for %s = 0 (and -0)', (field) => {
    expect(codeOf({ [field]: 0 })).toBe(OrderCode.ValueZero);
    expect(codeOf({ [field]: -0 })).toBe(OrderCode.ValueZero);
  });

  it.each([
    ['cores', 4097],
    ['memoryMiB', 16_777_217],
    ['durationS', 31_536_001],
    ['priceMinorPerCoreSecond', 1e12 + 1],
    ['cores', 1e300],
  ])('ORDER_VALUE_TOO_LARGE for %s = %p', (field, value) => {
    expect(codeOf({ [field]: value })).toBe(OrderCode.ValueTooLarge);
  });

  it('accepts every value at its limit unless the lease cost would pass 2^53', () => {
    expect(codeOf({ cores: 4096, memoryMiB: 16_777_216, durationS: 1, priceMinorPerCoreSecond: 1e12 })).toBeUndefined();
    expect(codeOf({ cores: 4096, durationS: 31_536_000, priceMinorPerCoreSecond: 1e12 })).toBe(OrderCode.ValueTooLarge);
  });

  it('ORDER_CAPABILITY_UNKNOWN for a capability other than tee or he', () => {
    expect(codeOf({ capabilities: ['tee', 'sgx'] })).toBe(OrderCode.CapabilityUnknown);
    expect(codeOf({ capabilities: ['TEE'] })).toBe(OrderCode.CapabilityUnknown);
  });

  it('ORDER_EXPIRED when expiresAtMs is now or earlier', () => {
    expect(codeOf({ expiresAtMs: NOW })).toBe(OrderCode.Expired);
    expect(codeOf({ expiresAtMs: NOW - 1 })).toBe(OrderCode.Expired);
    expect(codeOf({ expiresAtMs: NOW + 1 })).toBeUndefined();
  });

  it.each([0, 4, -1, 1.5, '2'])('ORDER_SECURITY_LEVEL_INVALID for securityLevel = %p', (level) => {
    expect(codeOf({ securityLevel: level })).toBe(OrderCode.SecurityLevelInvalid);
  });

  it.each(['BUY', 'lend', 1, null])('ORDER_SIDE_INVALID for side = %p', (side) => {
    expect(codeOf({ side })).toBe(OrderCode.SideInvalid);
  });

  it.each([
    ['a missing field', { cores: undefined }],
    ['a missing side', { side: undefined }],
    ['a string number', { cores: '4' }],
    ['a fraction', { cores: 1.5 }],
    ['capabilities that are not an array', { capabilities: 'tee' }],
    ['a non-string capability', { capabilities: [1] }],
    ['both expiries', { expiresInS: 60 }],
    ['no expiry', { expiresAtMs: undefined }],
    ['allOrNone on a sell', { side: 'sell', allOrNone: true }],
    ['a non-boolean allOrNone', { allOrNone: 'yes' }],
    ['a client order id with a space', { clientOrderId: 'a b' }],
    ['an empty client order id', { clientOrderId: '' }],
    ['an unknown field', { colour: 'red' }],
  ])('VALIDATION_FAILED for %s', (_name, over) => {
    expect(codeOf(over)).toBe(OrderCode.ValidationFailed);
  });

  it('VALIDATION_FAILED for a body that is not an object', () => {
    for (const body of [null, [], 'order', 4]) expect(validateOrder(body, NOW)).toMatchObject({ ok: false, code: OrderCode.ValidationFailed });
  });

  it('answers with the first problem\'s code and lists every problem', () => {
    const r = validateOrder(good({ side: 'hold', cores: -1, capabilities: ['x'], colour: 1 }), NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(OrderCode.SideInvalid);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['side', OrderCode.SideInvalid],
      ['cores', OrderCode.ValueNegative],
      ['capabilities.0', OrderCode.CapabilityUnknown],
      ['colour', OrderCode.ValidationFailed],
    ]);
  });
});
