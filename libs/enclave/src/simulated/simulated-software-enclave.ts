// Adapter: the SIMULATED software enclave (a worker thread with its own isolate). Honest
// about what it is: teeType 'simulated-software' in every quote; see README "What is simulated".
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EnclaveCode, TEE_SIMULATED_SOFTWARE, checkExtraModuleNames, measurementOf } from '../protocol.mjs';
import {
  EnclaveUnavailableError,
  type AttestRequest,
  type AttestResult,
  type EnclavePort,
  type ExecuteResult,
  type HandshakeRequest,
  type NegotiateResult,
  type SubTask,
} from '../port.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The measured bundle, besides the workload (see README "Measurement"). */
export const ENCLAVE_ENTRY_PATH = join(HERE, 'enclave-worker.mjs');
export const ENCLAVE_PROTOCOL_PATH = join(HERE, '..', 'protocol.mjs');
/** The built-in example workload. */
export const NUMERIC_ROWS_WORKLOAD_PATH = join(HERE, '..', 'workloads', 'numeric-rows.mjs');

export interface PlatformCredentials {
  /** PKCS#8 PEM of the ECDSA P-256 platform key; its certificate has role enclave-platform, CN = lessor id. */
  privateKeyPem: string;
  certPem: string;
  /** Intermediates up to (not including) the network CA, e.g. the issuing hub's certificate. */
  chainPem: string[];
}

/**
 * An additional module the enclave measures and loads (from the measured bytes, via a data:
 * URL) before the workload, e.g. node-seal's self-contained ESM build. It must import only
 * node built-ins. The workload receives its namespace as `env.modules[name]`.
 */
export interface ExtraModule {
  /** Id (`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`), unique; hashed as `module:<name>`. */
  readonly name: string;
  readonly path: string;
}

export interface SimulatedEnclaveOptions {
  platform: PlatformCredentials;
  /** Absolute path of a self-contained ESM workload module (exports run(program, input, env)). */
  workloadPath: string;
  /** Extra measured modules, in the order they are hashed (README "Measurement"). Default none. */
  extraModules?: readonly ExtraModule[];
  /** Largest total of a sub-task's public inputs, and of a result's public outputs (bytes). Default 64 MiB. */
  maxPublicBytes?: number;
  /** Per request (attest, negotiateKey, execute); on expiry the worker is terminated. Default 10 s. */
  requestTimeoutMs?: number;
  /** Worker start-up including measurement. Default 10 s. */
  startTimeoutMs?: number;
  /** Largest sub-task ciphertext (bytes) accepted. Default 16 MiB. */
  maxSubTaskBytes?: number;
  /** Largest JSON result (chars) the workload may return. Default 16 MiB. */
  maxResultChars?: number;
  /** Concurrent lease sessions in one enclave. Default 64. */
  maxSessions?: number;
  /** Requests in flight at once. Default 256. */
  maxPendingRequests?: number;
  /** V8 heap cap for the enclave isolate, MiB. Default 512. */
  maxHeapMb?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

type WorkerMessage =
  | { ready: { measurement: string; lessorId: string; workloadName: string } }
  | { id: number; reply: unknown }
  | { id: number | undefined; failure: string };

const MIB = 1024 * 1024;

/**
 * Computes the measurement of the bundle a SimulatedSoftwareEnclave would run with this
 * workload, from the files on disk: what a lessee (or the network's release process) puts
 * in its allow-list.
 */
export async function measureSimulatedEnclaveBundle(workloadPath: string, extraModules: readonly ExtraModule[] = []): Promise<string> {
  checkExtraModuleNames(extraModules.map((m) => m.name));
  const [entry, protocol, workload, ...extras] = await Promise.all([
    readFile(ENCLAVE_ENTRY_PATH),
    readFile(ENCLAVE_PROTOCOL_PATH),
    readFile(resolve(workloadPath)),
    ...extraModules.map((m) => readFile(resolve(m.path))),
  ]);
  return measurementOf({ entry, protocol, workload }, extraModules.map((m, i) => ({ name: m.name, bytes: extras[i] as Buffer })));
}

export class SimulatedSoftwareEnclave implements EnclavePort {
  readonly teeType = TEE_SIMULATED_SOFTWARE;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly options: Limits,
    /** SHA-256 measurement the enclave computed over its own bundle. */
    readonly measurement: string,
    /** CN of the platform certificate, i.e. the lessor this enclave runs for. */
    readonly lessorId: string,
    readonly workloadName: string,
  ) {
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.failAll('ENCLAVE_CRASHED', `enclave worker crashed: ${error.message}`));
    worker.on('exit', (code) => this.failAll(this.closed ? 'ENCLAVE_CLOSED' : 'ENCLAVE_CRASHED', `enclave worker exited (${code})`));
  }

  /** Starts the worker; it measures its bundle and loads the workload before it answers. */
  static async start(options: SimulatedEnclaveOptions): Promise<SimulatedSoftwareEnclave> {
    const limits = withDefaults(options);
    const worker = new Worker(ENCLAVE_ENTRY_PATH, {
      workerData: {
        platformPrivateKeyPem: options.platform.privateKeyPem,
        platformCertPem: options.platform.certPem,
        platformChainPem: [...options.platform.chainPem],
        workloadPath: resolve(options.workloadPath),
        extraModules: (options.extraModules ?? []).map((m) => ({ name: m.name, path: resolve(m.path) })),
        limits: {
          maxSessions: limits.maxSessions,
          maxSubTaskBase64Chars: Math.ceil(limits.maxSubTaskBytes / 3) * 4,
          maxResultChars: limits.maxResultChars,
          maxPublicBytes: limits.maxPublicBytes,
        },
      },
      // The enclave gets no view of the host's environment variables.
      env: {},
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    const ready = await waitForReady(worker, limits.startTimeoutMs);
    return new SimulatedSoftwareEnclave(worker, limits, ready.measurement, ready.lessorId, ready.workloadName);
  }

  async attest(request: AttestRequest): Promise<AttestResult> {
    return (await this.request('attest', request)) as AttestResult;
  }

  async negotiateKey(request: HandshakeRequest): Promise<NegotiateResult> {
    return (await this.request('negotiate', request)) as NegotiateResult;
  }

  async execute(subTask: SubTask): Promise<ExecuteResult> {
    // Checked here too, so an oversized sub-task is never copied into the enclave.
    const maxChars = Math.ceil(this.options.maxSubTaskBytes / 3) * 4;
    if (typeof subTask.ciphertext === 'string' && subTask.ciphertext.length > maxChars) {
      return { ok: false, code: EnclaveCode.SUBTASK_TOO_LARGE, codeName: 'SUBTASK_TOO_LARGE', detail: `ciphertext exceeds ${maxChars} base64 chars` };
    }
    const publicBytes = Array.isArray(subTask.publicInputs) ? subTask.publicInputs.reduce((n, p) => n + (p instanceof Uint8Array ? p.byteLength : 0), 0) : 0;
    if (publicBytes > this.options.maxPublicBytes) {
      return { ok: false, code: EnclaveCode.SUBTASK_TOO_LARGE, codeName: 'SUBTASK_TOO_LARGE', detail: `public inputs exceed ${this.options.maxPublicBytes} bytes` };
    }
    return (await this.request('execute', subTask)) as ExecuteResult;
  }

  /** Terminates the worker; its keys die with its isolate. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failAll('ENCLAVE_CLOSED', 'enclave closed');
    await this.worker.terminate();
  }

  private request(op: 'attest' | 'negotiate' | 'execute', body: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new EnclaveUnavailableError('ENCLAVE_CLOSED', 'enclave is closed'));
    if (this.pending.size >= this.options.maxPendingRequests) {
      return Promise.reject(new RangeError(`more than ${this.options.maxPendingRequests} enclave requests in flight`));
    }
    const id = this.nextId++;
    return new Promise((resolvePromise, rejectPromise) => {
      // A request that outlives its timeout means the isolate is stuck (e.g. a looping
      // workload); it cannot be interrupted, so the whole enclave is torn down.
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rejectPromise(new EnclaveUnavailableError('ENCLAVE_TIMEOUT', `enclave ${op} took longer than ${this.options.requestTimeoutMs} ms`));
        void this.close();
      }, this.options.requestTimeoutMs);
      this.pending.set(id, { resolve: resolvePromise, reject: rejectPromise, timer });
      this.worker.postMessage({ id, op, body });
    });
  }

  private onMessage(message: WorkerMessage): void {
    if (!('id' in message) || message.id === undefined) return;
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if ('reply' in message) pending.resolve(message.reply);
    else pending.reject(new EnclaveUnavailableError('ENCLAVE_CRASHED', `enclave internal error: ${message.failure}`));
  }

  private failAll(codeName: 'ENCLAVE_CLOSED' | 'ENCLAVE_CRASHED', detail: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new EnclaveUnavailableError(codeName, detail));
      this.pending.delete(id);
    }
  }
}

type Limits = Required<Omit<SimulatedEnclaveOptions, 'platform' | 'workloadPath' | 'extraModules'>>;

function withDefaults(options: SimulatedEnclaveOptions): Limits {
  const limits = {
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    startTimeoutMs: options.startTimeoutMs ?? 10_000,
    maxSubTaskBytes: options.maxSubTaskBytes ?? 16 * MIB,
    maxResultChars: options.maxResultChars ?? 16 * MIB,
    maxSessions: options.maxSessions ?? 64,
    maxPendingRequests: options.maxPendingRequests ?? 256,
    maxHeapMb: options.maxHeapMb ?? 512,
    maxPublicBytes: options.maxPublicBytes ?? 64 * MIB,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  if (typeof options.workloadPath !== 'string' || options.workloadPath.length === 0) throw new RangeError('workloadPath is required');
  try {
    checkExtraModuleNames((options.extraModules ?? []).map((m) => m.name));
  } catch (error) {
    throw new RangeError((error as Error).message, { cause: error });
  }
  if ((options.extraModules ?? []).some((m) => typeof m.path !== 'string' || m.path.length === 0)) throw new RangeError('every extra module needs a path');
  return limits;
}

function waitForReady(worker: Worker, timeoutMs: number): Promise<{ measurement: string; lessorId: string; workloadName: string }> {
  return new Promise((resolvePromise, rejectPromise) => {
    const fail = (detail: string, cause?: unknown): void => {
      cleanup();
      void worker.terminate();
      rejectPromise(new EnclaveUnavailableError('ENCLAVE_START_FAILED', detail, { cause }));
    };
    const timer = setTimeout(() => fail(`enclave did not start within ${timeoutMs} ms`), timeoutMs);
    const onMessage = (message: WorkerMessage): void => {
      if (!('ready' in message)) return;
      cleanup();
      resolvePromise(message.ready);
    };
    const onError = (error: Error): void => fail(`enclave failed to start: ${error.message}`, error);
    const onExit = (code: number): void => fail(`enclave exited during start (${code})`);
    const cleanup = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
