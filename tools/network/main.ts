/**
 * `npm start`: the embedded data network on this machine. Starts PostgreSQL,
 * issues the trial PKI, provisions, runs every service as its own process, shows
 * a signed end-to-end-encrypted round trip a1 -> hub-a -> hub-b -> b1 -> back, runs
 * the sample job (tools/network/sample-job.ts) on leased compute and checks it
 * against a local plaintext run, and keeps the network up until Ctrl-C.
 *
 * Options (environment): DATANET_TOPOLOGY_FILE (default config/topology.embedded.yaml),
 * DATANET_STATE_DIR (default <tmp>/datanet-<network>), DATANET_ADMIN_DATABASE_URL
 * (use an existing PostgreSQL instead of the embedded one), DATANET_DEMO_ONLY=1
 * (stop after the round trip and the sample job), DATANET_SKIP_SAMPLE_JOB=1, DATANET_SAMPLE_ROWS
 * (default 100000).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allNodes, loadTopology } from '#libs/config';
import { LocalNetwork } from '#libs/testing';
import { roundTrip } from './round-trip.js';
import { runSampleJob } from './sample-job.js';

const say = (s: string): void => void process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const topologyFile = process.env.DATANET_TOPOLOGY_FILE ?? 'config/topology.embedded.yaml';
  const topology = loadTopology(topologyFile);
  const stateDir = process.env.DATANET_STATE_DIR ?? join(tmpdir(), `datanet-${topology.network}`);
  say(`datanet: ${topology.subnets.length} subnets, ${allNodes(topology).length} services, state in ${stateDir}`);
  const started = Date.now();
  const net = await LocalNetwork.start({ topology: topologyFile, stateDir, adminUrl: process.env.DATANET_ADMIN_DATABASE_URL, onEvent: (e) => say(`  - ${e}`) });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('\nstopping the network...');
    await net.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  say(`network up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  for (const n of allNodes(topology)) say(`  ${n.role.padEnd(11)} ${n.id.padEnd(10)} ${n.url}  (OpenAPI: ${n.url}/docs, log: ${net.logFile(n.id)})`);

  const [a, b] = topology.subnets;
  const from = a?.participants[0];
  const to = b?.participants[0] ?? a?.participants[1];
  if (from && to) {
    say(`\nround trip ${from.id} -> ${a?.hub.id} -> ${b?.hub.id ?? a?.hub.id} -> ${to.id} and back:`);
    const rt = await roundTrip(net.url(from.id), net.url(to.id), to.id, `hello ${to.id}, from ${from.id}`);
    say(`  ping ${rt.ping.messageId} from ${rt.ping.source} reached ${to.id} via ${rt.ping.route.join(' -> ')}: "${rt.ping.decoded?.text ?? ''}"`);
    say(`  pong ${rt.pong.messageId} from ${rt.pong.source} reached ${from.id} via ${rt.pong.route.join(' -> ')}: "${rt.pong.decoded?.text ?? ''}"`);
    say(`  signed by the sender, sealed for the recipient (hubs relayed ciphertext only); round trip ${rt.roundTripMs} ms; trace ${rt.traceId ?? '-'}`);
  }
  if (process.env.DATANET_SKIP_SAMPLE_JOB !== '1') {
    const rows = Number(process.env.DATANET_SAMPLE_ROWS ?? 100_000);
    const sample = await runSampleJob(net, topology, { rows, features: 16, say });
    if (!sample.ok) process.exitCode = 1;
  }
  if (process.env.DATANET_DEMO_ONLY === '1') return stop();
  say(`\noperator token for hub endpoints (/v1/operator/*): ${net.adminToken}`);
  say('network running; press Ctrl-C to stop.');
}

main().catch((e: unknown) => {
  process.stderr.write(`datanet: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
