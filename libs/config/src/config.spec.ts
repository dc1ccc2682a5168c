import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ConfigError } from './env.js';
import { loadNodeConfig } from './node-config.js';
import { allNodes, parseTopology, TopologyError } from './topology.js';

const embedded = readFileSync(new URL('../../../config/topology.embedded.yaml', import.meta.url), 'utf8');

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function topologyFile(text = embedded): string {
  const dir = mkdtempSync(join(tmpdir(), 'datanet-cfg-'));
  made.push(dir);
  const file = join(dir, 'topology.yaml');
  writeFileSync(file, text);
  return file;
}

const goodEnv = (file: string): NodeJS.ProcessEnv => ({
  DATANET_NODE_ID: 'hub-a',
  DATANET_TOPOLOGY_FILE: file,
  DATANET_DATABASE_URL: 'postgres://hub_a:pw@127.0.0.1:5432/datanet',
  DATANET_BUS_DATABASE_URL: 'postgres://hub_a:pw@127.0.0.1:5432/datanet_bus',
  DATANET_PKI_DIR: '/tmp/pki',
});

describe('topology file', () => {
  it('parses the shipped embedded topology', () => {
    const t = parseTopology(embedded);
    expect(allNodes(t).map((n) => n.id)).toEqual(['hub-a', 'a1', 'a2', 'hub-b', 'b1', 'b2', 'exchange']);
    expect(t.bus.adapter).toBe('postgres');
  });

  it('names the bad field and rejects duplicate ids and unknown hubs', () => {
    const bad = embedded.replace('id: a2', 'id: a1').replace('hubs: [hub-a, hub-b]', 'hubs: [hub-a, hub-z]').replace('partitions: 4', 'partitions: 0');
    expect(() => parseTopology(bad, 'bad.yaml')).toThrow(TopologyError);
    try {
      parseTopology(bad, 'bad.yaml');
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('bad.yaml is invalid');
      expect(msg).toContain('node id a1 is used twice');
      expect(msg).toContain('unknown hub hub-z');
      expect(msg).toContain('bus.partitions');
    }
  });

  it('rejects unknown keys instead of ignoring a typo', () => {
    expect(() => parseTopology(embedded.replace('maxMessageBytes:', 'maxMesageBytes:'))).toThrow(/maxMesageBytes/);
  });
});

describe('service configuration', () => {
  it('loads a hub and derives its port, schema and bus principal', () => {
    const c = loadNodeConfig('hub', goodEnv(topologyFile()), 'hub');
    expect(c.http.port).toBe(7100);
    expect(c.dbSchema).toBe('hub_a');
    expect(c.bus.principal).toBe('hub_a');
  });

  it.each([
    ['DATANET_DATABASE_URL', 'mysql://x', 'DATANET_DATABASE_URL: must be a postgres:// connection URL'],
    ['DATANET_HTTP_PORT', '70000', 'DATANET_HTTP_PORT'],
    ['DATANET_NODE_ID', 'Hub_A', 'DATANET_NODE_ID'],
    ['DATANET_LOG_LEVEL', 'chatty', 'DATANET_LOG_LEVEL'],
  ])('fails at boot naming %s', (name, value, expected) => {
    const e = { ...goodEnv(topologyFile()), [name]: value };
    expect(() => loadNodeConfig('hub', e, 'hub')).toThrow(ConfigError);
    expect(() => loadNodeConfig('hub', e, 'hub')).toThrow(expected);
  });

  it('names a missing variable as not set', () => {
    const e = goodEnv(topologyFile());
    delete e.DATANET_PKI_DIR;
    expect(() => loadNodeConfig('hub', e, 'hub')).toThrow(/DATANET_PKI_DIR: .*\(not set\)/);
  });

  it('rejects a node id of the wrong role or absent from the topology', () => {
    expect(() => loadNodeConfig('participant', goodEnv(topologyFile()), 'participant')).toThrow(/is a hub in the topology, not a participant/);
    expect(() => loadNodeConfig('hub', { ...goodEnv(topologyFile()), DATANET_NODE_ID: 'hub-z' }, 'hub')).toThrow(/hub-z is not in/);
  });

  it('requires the bus URL for the postgres adapter', () => {
    const e = goodEnv(topologyFile());
    delete e.DATANET_BUS_DATABASE_URL;
    expect(() => loadNodeConfig('hub', e, 'hub')).toThrow(/DATANET_BUS_DATABASE_URL: required with the postgres bus adapter/);
  });

  it('redacts secrets it reports', () => {
    const e = { ...goodEnv(topologyFile()), DATANET_DATABASE_URL: 'mysql://user:supersecret@x' };
    expect(() => loadNodeConfig('hub', e, 'hub')).not.toThrow(/supersecret/);
  });
});
