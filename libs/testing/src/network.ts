import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { allNodes, loadTopology, type NodeLocation, type Topology } from '#libs/config';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '#libs/persistence';
import { bootstrapPki, provisionNetwork, type NodeConnection } from '#libs/provisioning';

export interface NetworkOptions {
  /** Topology file, or a topology object (written next to the state). */
  readonly topology: string | Topology;
  /** Everything the network keeps: PKI, PostgreSQL data, logs. Reused across starts. */
  readonly stateDir?: string;
  /** Superuser URL of an existing PostgreSQL; an embedded one is started when absent. */
  readonly adminUrl?: string;
  readonly healthTimeoutMs?: number;
  /** Extra environment for every service (e.g. DATANET_LOG_LEVEL). */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra environment for single services, by node id, over `env` (e.g. a lessor with fault injection on). */
  readonly nodeEnv?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly onEvent?: (event: string) => void;
}

interface RunningNode {
  readonly node: NodeLocation;
  child: ChildProcess | undefined;
  exited: Promise<number | null> | undefined;
  log: WriteStream;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..').replace(/\/dist$/, '');
const ENTRYPOINT: Record<NodeLocation['role'], string> = {
  hub: 'dist/apps/hub/src/main.js',
  participant: 'dist/apps/participant/src/main.js',
  settlement: 'dist/apps/settlement/src/main.js',
};
const HEALTH_POLL_MS = 100;

/**
 * A data network on this machine: an embedded PostgreSQL (unless given one),
 * the trial PKI, provisioning, and every hub, participant and settlement service
 * as its own OS process. Used by the README's main command and by the
 * end-to-end tests, which also kill and restart single processes.
 */
export class LocalNetwork {
  private readonly nodes = new Map<string, RunningNode>();
  /** Per-node environment set by startNode(id, { env }): kept for the node's later starts (restart). */
  private readonly nodeEnv = new Map<string, Readonly<Record<string, string>>>();

  private constructor(
    readonly topology: Topology,
    readonly topologyFile: string,
    readonly stateDir: string,
    readonly adminToken: string,
    private readonly connections: Map<string, NodeConnection>,
    private readonly pg: EmbeddedPostgresHandle | undefined,
    readonly adminUrl: string,
    private readonly options: NetworkOptions,
    /** A state dir this class made up is removed on stop; a given one is kept for the next start. */
    private readonly ownsStateDir: boolean,
  ) {}

  static async start(o: NetworkOptions): Promise<LocalNetwork> {
    const say = o.onEvent ?? (() => undefined);
    let topologyFile: string;
    let topology: Topology;
    const stateDir = o.stateDir ?? join(tmpdir(), `datanet-${randomBytes(4).toString('hex')}`);
    mkdirSync(join(stateDir, 'logs'), { recursive: true });
    // The embedded server runs as the postgres OS user, which must traverse the
    // state dir to reach pg/data (mkdtemp-style 0700 dirs would stop it). Traverse
    // only: listing stays private, and the PKI dirs below are 0700 themselves.
    chmodSync(stateDir, statSync(stateDir).mode | 0o711);
    if (typeof o.topology === 'string') {
      topologyFile = resolve(o.topology);
      topology = loadTopology(topologyFile);
    } else {
      topology = o.topology;
      topologyFile = join(stateDir, 'topology.yaml');
      writeFileSync(topologyFile, stringify(topology));
    }
    let pg: EmbeddedPostgresHandle | undefined;
    let adminUrl = o.adminUrl;
    if (!adminUrl) {
      say('starting embedded PostgreSQL');
      pg = await startEmbeddedPostgres({ dataDir: join(stateDir, 'pg', 'data') });
      adminUrl = pg.adminUrl;
    }
    let connections: Map<string, NodeConnection>;
    try {
      say('issuing network CA, hub and settlement certificates, enrollment tokens');
      await bootstrapPki({ topology, outDir: join(stateDir, 'pki') });
      say('provisioning databases, roles and bus schemas');
      connections = await provisionNetwork({ topology, adminUrl, secretsDir: join(stateDir, 'pki') });
    } catch (e) {
      await pg?.stop();
      throw e;
    }
    const tokenFile = join(stateDir, 'admin.token');
    if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    const net = new LocalNetwork(topology, topologyFile, stateDir, readFileSync(tokenFile, 'utf8').trim(), connections, pg, adminUrl, o, o.stateDir === undefined);
    try {
      const all = allNodes(topology);
      say(`starting ${all.filter((n) => n.role === 'hub').length} hubs`);
      await Promise.all(all.filter((n) => n.role === 'hub').map((n) => net.startNode(n.id)));
      say(`starting ${all.filter((n) => n.role !== 'hub').length} participants and settlement services`);
      await Promise.all(all.filter((n) => n.role !== 'hub').map((n) => net.startNode(n.id)));
    } catch (e) {
      await net.stop();
      throw e;
    }
    return net;
  }

  url(nodeId: string): string {
    const n = allNodes(this.topology).find((x) => x.id === nodeId);
    if (!n) throw new Error(`unknown node ${nodeId}`);
    return n.url.replace(/\/$/, '');
  }

  /** The node's database and bus connection strings (its own role). */
  connection(nodeId: string): NodeConnection {
    const c = this.connections.get(nodeId);
    if (!c) throw new Error(`unknown node ${nodeId}`);
    return c;
  }

  pkiDir(nodeId: string): string {
    return join(this.stateDir, 'pki', nodeId);
  }

  /** A participant's data directory: the only place its jobs' csvPath may point into. */
  dataDir(nodeId: string): string {
    const dir = join(this.stateDir, 'data', nodeId);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  logFile(nodeId: string): string {
    return join(this.stateDir, 'logs', `${nodeId}.log`);
  }

  pid(nodeId: string): number | undefined {
    return this.nodes.get(nodeId)?.child?.pid;
  }

  /**
   * Starts one service. `env` (over the network's `env` and `nodeEnv`) replaces what an
   * earlier startNode gave this node and stays for its later starts; `{ env: {} }` clears it.
   */
  async startNode(nodeId: string, o: { readonly env?: Readonly<Record<string, string>> } = {}): Promise<void> {
    const node = allNodes(this.topology).find((x) => x.id === nodeId);
    const conn = this.connections.get(nodeId);
    if (!node || !conn) throw new Error(`unknown node ${nodeId}`);
    const existing = this.nodes.get(nodeId);
    if (existing?.child && existing.child.exitCode === null) throw new Error(`${nodeId} is already running`);
    const log = existing?.log ?? createWriteStream(this.logFile(nodeId), { flags: 'a' });
    if (o.env) this.nodeEnv.set(nodeId, o.env);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATANET_NODE_ID: nodeId,
      DATANET_TOPOLOGY_FILE: this.topologyFile,
      DATANET_DATABASE_URL: conn.databaseUrl,
      DATANET_BUS_DATABASE_URL: conn.busDatabaseUrl,
      DATANET_PKI_DIR: join(this.stateDir, 'pki', nodeId),
      ...(node.role !== 'participant' ? { DATANET_ADMIN_TOKEN: this.adminToken } : { DATANET_DATA_DIR: this.dataDir(nodeId) }),
      ...this.options.env,
      ...this.options.nodeEnv?.[nodeId],
      ...this.nodeEnv.get(nodeId),
    };
    const child = spawn(process.execPath, [join(REPO_ROOT, ENTRYPOINT[node.role])], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    this.nodes.set(nodeId, { node, child, exited, log });
    // Never leave services behind when the process that started them goes away.
    const reap = (): void => void child.kill('SIGKILL');
    process.once('exit', reap);
    void exited.then(() => process.removeListener('exit', reap));
    await this.waitHealthy(nodeId, child, exited);
  }

  /** Kills one service (SIGKILL by default: no cleanup, like a crash) and waits for it to be gone. */
  async kill(nodeId: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const n = this.nodes.get(nodeId);
    if (!n?.child || n.child.exitCode !== null || n.child.signalCode !== null) return;
    n.child.kill(signal);
    await n.exited;
    n.child = undefined;
  }

  async restart(nodeId: string): Promise<void> {
    await this.kill(nodeId, 'SIGTERM');
    await this.startNode(nodeId);
  }

  async stop(): Promise<void> {
    const order = [...this.nodes.values()].sort((a, b) => (a.node.role === 'hub' ? 1 : 0) - (b.node.role === 'hub' ? 1 : 0));
    await Promise.all(order.filter((n) => n.node.role !== 'hub').map((n) => this.kill(n.node.id, 'SIGTERM')));
    await Promise.all(order.filter((n) => n.node.role === 'hub').map((n) => this.kill(n.node.id, 'SIGTERM')));
    for (const n of this.nodes.values()) n.log.end();
    if (this.pg) await this.pg.stop();
    if (this.ownsStateDir) rmSync(this.stateDir, { recursive: true, force: true });
  }

  private async waitHealthy(nodeId: string, child: ChildProcess, exited: Promise<number | null>): Promise<void> {
    const deadline = Date.now() + (this.options.healthTimeoutMs ?? 60_000);
    let gone = false;
    void exited.then(() => (gone = true));
    while (Date.now() < deadline) {
      if (gone) throw new Error(`${nodeId} exited during start (code ${child.exitCode}); log ${this.logFile(nodeId)}:\n${tail(this.logFile(nodeId))}`);
      try {
        const res = await fetch(`${this.url(nodeId)}/health`, { signal: AbortSignal.timeout(1_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, HEALTH_POLL_MS));
    }
    child.kill('SIGKILL');
    throw new Error(`${nodeId} not healthy in time; log ${this.logFile(nodeId)}:\n${tail(this.logFile(nodeId))}`);
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
