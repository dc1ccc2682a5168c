import { HeContext, type HeParamSetName } from '#libs/he';

/**
 * One HeContext per parameter set for the process lifetime, shared by the lessee's keys and
 * the third participant's runs. Building a context is the expensive part of a run (ckks-16384:
 * ~2 s of SEAL modulus/NTT setup on 2 cores, vs ~0.1 s to load the keys), so it is built once,
 * like the SEAL module itself. Contexts hold no key material.
 */
const contexts = new Map<HeParamSetName, Promise<HeContext>>();

export function jointContext(name: HeParamSetName): Promise<HeContext> {
  let ctx = contexts.get(name);
  if (!ctx) {
    ctx = HeContext.of(name);
    contexts.set(name, ctx);
    // A failed build is not cached.
    ctx.catch(() => contexts.delete(name));
  }
  return ctx;
}

/** Frees the shared contexts (process shutdown, tests). Dispose every JointKeys first: they use them. */
export async function releaseJointContexts(): Promise<void> {
  const all = [...contexts.values()];
  contexts.clear();
  for (const ctx of await Promise.allSettled(all)) if (ctx.status === 'fulfilled') ctx.value.dispose();
}
