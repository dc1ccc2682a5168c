/**
 * Resource classes: capability mask x security level, 4 x 3 = 12 classes.
 * A sell sits in the class it offers; a buy in the class it requires. A buy
 * can trade with a sell of class s when mask(s) ⊇ mask(buy) and
 * level(s) >= level(buy): the eligibility tables below.
 */
import type { Capability } from './types.js';

export const CAPABILITY_BITS: Readonly<Record<Capability, number>> = { tee: 1, he: 2 };
export const CAPABILITY_MASK_ALL = 3;
export const SECURITY_LEVEL_MIN = 1;
export const SECURITY_LEVEL_MAX = 3;
export const CLASS_COUNT = 12;

const MASK_NAMES = ['none', 'tee', 'he', 'tee+he'] as const;
type MaskName = (typeof MASK_NAMES)[number];
export type ResourceClass = `${MaskName}/L${1 | 2 | 3}`;

/** Class index 0..11 = mask * 3 + (level - 1). */
export function classIndex(mask: number, securityLevel: number): number {
  return mask * 3 + (securityLevel - 1);
}

export function classMask(index: number): number {
  return Math.floor(index / 3);
}

export function classLevel(index: number): number {
  return (index % 3) + 1;
}

const CLASS_NAMES: readonly ResourceClass[] = Array.from({ length: CLASS_COUNT }, (_, i) => `${MASK_NAMES[classMask(i)] ?? 'none'}/L${classLevel(i)}` as ResourceClass);

export function className(index: number): ResourceClass {
  const name = CLASS_NAMES[index];
  if (name === undefined) throw new RangeError(`no resource class ${index}`);
  return name;
}

/** All class names in class order. */
export const RESOURCE_CLASSES: readonly ResourceClass[] = CLASS_NAMES;

/** The index of a class name, or -1. */
export function parseResourceClass(name: string): number {
  return CLASS_NAMES.indexOf(name as ResourceClass);
}

export function capabilitiesOf(mask: number): Capability[] {
  const out: Capability[] = [];
  if ((mask & CAPABILITY_BITS.tee) !== 0) out.push('tee');
  if ((mask & CAPABILITY_BITS.he) !== 0) out.push('he');
  return out;
}

function table(ok: (own: number, other: number) => boolean): readonly (readonly number[])[] {
  return Array.from({ length: CLASS_COUNT }, (_, own) => Array.from({ length: CLASS_COUNT }, (_, c) => c).filter((c) => ok(own, c)));
}

/** For a buy of class b: the sell classes it can trade with. */
export const SELL_CLASSES_FOR_BUY: readonly (readonly number[])[] = table(
  (b, s) => (classMask(s) & classMask(b)) === classMask(b) && classLevel(s) >= classLevel(b),
);

/** For a sell of class s: the buy classes it can trade with. */
export const BUY_CLASSES_FOR_SELL: readonly (readonly number[])[] = table(
  (s, b) => (classMask(s) & classMask(b)) === classMask(b) && classLevel(s) >= classLevel(b),
);
