import type { BatchEncoder } from 'node-seal/implementation/batch-encoder.js';
import type { CKKSEncoder } from 'node-seal/implementation/ckks-encoder.js';
import type { Context } from 'node-seal/implementation/context.js';
import type { Evaluator } from 'node-seal/implementation/evaluator.js';
import type { SchemeType } from 'node-seal/implementation/scheme-type.js';
import type { SecurityLevel } from 'node-seal/implementation/security-level.js';
import { HE_PARAM_SETS, isHeParamSetName, type HeParamSet, type HeParamSetName } from './params.js';
import { heFail, heOk, HeUsageError, type HeResult } from './result.js';
import { withScope } from './scope.js';
import { loadSeal, type SEALLibrary } from './seal.js';

/**
 * One SEAL context per parameter set. Creating a context costs a few ms plus
 * NTT tables on the WASM heap, so create it once and share it; call `dispose()`
 * when done.
 */
export class HeContext {
  private disposed = false;

  private constructor(
    readonly seal: SEALLibrary,
    readonly params: HeParamSet,
    private readonly sealContext: Context,
    private readonly ckksEncoder: CKKSEncoder | undefined,
    private readonly batchEncoder: BatchEncoder | undefined,
    private readonly sealEvaluator: Evaluator,
  ) {}

  static async create(name: string): Promise<HeResult<HeContext>> {
    if (!isHeParamSetName(name)) return heFail('HE_UNKNOWN_PARAM_SET', `unknown parameter set "${name}"`);
    const seal = await loadSeal();
    return heOk(HeContext.build(seal, HE_PARAM_SETS[name]));
  }

  /** Like `create` for a name known at compile time; throws on an unknown name. */
  static async of(name: HeParamSetName): Promise<HeContext> {
    const result = await HeContext.create(name);
    if (!result.ok) throw new HeUsageError(result.detail);
    return result.value;
  }

  private static build(seal: SEALLibrary, params: HeParamSet): HeContext {
    const context = withScope((scope) => {
      const isCkks = params.scheme === 'ckks';
      const parms = scope.track(seal.EncryptionParameters((isCkks ? seal.SchemeType.ckks : seal.SchemeType.bfv) as SchemeType));
      parms.setPolyModulusDegree(params.polyModulusDegree);
      const coeff = scope.track(seal.CoeffModulus.Create(params.polyModulusDegree, Int32Array.from(params.coeffModulusBits)));
      parms.setCoeffModulus(coeff);
      if (!isCkks) {
        const plain = scope.track(seal.PlainModulus.Batching(params.polyModulusDegree, params.plainModulusBits));
        parms.setPlainModulus(plain);
      }
      return seal.Context(parms, true, seal.SecurityLevel.tc128 as SecurityLevel);
    });
    if (!context.parametersSet()) {
      context.delete();
      throw new HeUsageError(`parameter set ${params.name} rejected by SEAL`);
    }
    const ckksEncoder = params.scheme === 'ckks' ? seal.CKKSEncoder(context) : undefined;
    const batchEncoder = params.scheme === 'bfv' ? seal.BatchEncoder(context) : undefined;
    return new HeContext(seal, params, context, ckksEncoder, batchEncoder, seal.Evaluator(context));
  }

  get context(): Context {
    this.assertLive();
    return this.sealContext;
  }

  get evaluator(): Evaluator {
    this.assertLive();
    return this.sealEvaluator;
  }

  get ckks(): CKKSEncoder {
    this.assertLive();
    if (!this.ckksEncoder) throw new HeUsageError(`${this.params.name} is not a CKKS parameter set`);
    return this.ckksEncoder;
  }

  get batch(): BatchEncoder {
    this.assertLive();
    if (!this.batchEncoder) throw new HeUsageError(`${this.params.name} is not a BFV parameter set`);
    return this.batchEncoder;
  }

  get slots(): number {
    return this.params.slots;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.sealEvaluator.delete();
    this.ckksEncoder?.delete();
    this.batchEncoder?.delete();
    this.sealContext.delete();
  }

  private assertLive(): void {
    if (this.disposed) throw new HeUsageError('HeContext used after dispose()');
  }
}
