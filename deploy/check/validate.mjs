// Static checks of the deployment files, run by tools/check-deploy.sh (which renders
// the inputs first). Prints every problem found, then exits 1 if there was any.
//
//   node deploy/check/validate.mjs --compose RENDERED_COMPOSE.yml \
//        --k8s NAME=RENDERED.yaml [--k8s NAME=RENDERED.yaml ...] [--full NAME] \
//        [--k8s-models DIR]
//
// --compose  output of `docker-compose config` (anchors and merges resolved)
// --k8s      output of `kubectl kustomize <dir>`; NAME labels messages
// --full     the render that must contain every node of deploy/k8s/base/topology.yaml
// --k8s-models  a directory where kubernetes-models (v4) is installed: each object
//            is then also validated against the Kubernetes OpenAPI schema
//
// Topology files are checked with the project's own schema
// (libs/config/src/topology.ts, transpiled on the fly), so a change to the schema
// that the deploy files do not follow fails here.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const problems = [];
const notes = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

// --- arguments ------------------------------------------------------------------
const args = { k8s: [], compose: undefined, full: undefined, models: undefined };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${argv[i]} needs a value`);
    if (argv[i] === '--compose') args.compose = value;
    else if (argv[i] === '--k8s') {
      const eq = value.indexOf('=');
      if (eq < 1) throw new Error(`--k8s NAME=FILE, got ${value}`);
      args.k8s.push({ name: value.slice(0, eq), file: value.slice(eq + 1) });
    } else if (argv[i] === '--full') args.full = value;
    else if (argv[i] === '--k8s-models') args.models = value;
    else throw new Error(`unknown argument ${argv[i]}`);
    i++;
  }
}

// --- the project's topology schema ------------------------------------------------
async function loadTopologyModule() {
  const source = join(ROOT, 'libs/config/src/topology.ts');
  if (!existsSync(source)) throw new Error(`${source} not found: the topology schema moved; update deploy/check/validate.mjs`);
  const require = createRequire(join(ROOT, 'package.json'));
  const ts = require('typescript');
  const out = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: source,
  });
  // Inside node_modules so that its bare imports (yaml, zod) resolve to the project's.
  const dir = join(ROOT, 'node_modules/.cache/datanet-check-deploy');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'topology.mjs');
  writeFileSync(target, out.outputText);
  return import(pathToFileURL(target).href);
}
const topo = await loadTopologyModule();

function loadTopology(relPath) {
  try {
    return topo.parseTopology(readFileSync(join(ROOT, relPath), 'utf8'), relPath);
  } catch (e) {
    problem(relPath, e.message);
    return undefined;
  }
}

// A compose port entry, short ("127.0.0.1:7101:7101/tcp") or long form, to its container port.
const targetPort = (p) => Number(typeof p === 'object' ? p.target : String(p).split('/')[0].split(':').pop());

// A compose volume entry, short ("src:/target:ro") or long form.
const volumeParts = (v) => {
  if (typeof v === 'object') return { source: v.source, target: v.target, mode: v.read_only ? 'ro' : 'rw' };
  const [source, target, mode = 'rw'] = String(v).split(':');
  return { source, target, mode };
};

const urlParts = (url) => {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)) };
};

// --- docker-compose ---------------------------------------------------------------
function checkCompose(file) {
  const where = 'docker-compose.yml';
  const compose = parse(readFileSync(file, 'utf8'));
  const services = compose?.services ?? {};
  const topology = loadTopology('deploy/topology.compose.yaml');
  const envOf = (s) => (Array.isArray(s.environment) ? Object.fromEntries(s.environment.map((e) => e.split(/=(.*)/s).slice(0, 2))) : (s.environment ?? {}));

  for (const infra of ['postgres', 'kafka', 'otel-collector', 'jaeger', 'pki-init', 'provision'])
    if (!services[infra]) problem(where, `service ${infra} is missing`);
  if (Object.keys(services).some((n) => /zookeeper/i.test(n) || /zookeeper/i.test(String(services[n].image)))) problem(where, 'ZooKeeper found: Kafka must run in KRaft mode');
  const kafkaEnv = services.kafka ? envOf(services.kafka) : {};
  if (!String(kafkaEnv.KAFKA_PROCESS_ROLES ?? '').includes('controller')) problem(where, 'kafka: KAFKA_PROCESS_ROLES must include controller (KRaft)');
  if (!/^16(\b|-|\.)/.test(String(services.postgres?.image ?? '').split(':')[1] ?? '')) problem(where, 'postgres must be PostgreSQL 16');
  if (!services.postgres?.healthcheck || !services.kafka?.healthcheck) problem(where, 'postgres and kafka need healthchecks (provision waits on them)');
  const pdeps = services.provision?.depends_on ?? {};
  if (pdeps.postgres?.condition !== 'service_healthy') problem(where, 'provision must wait for postgres: service_healthy');
  if (!['service_healthy', 'service_started'].includes(pdeps.kafka?.condition)) problem(where, 'provision must wait for kafka');
  if (pdeps['pki-init']?.condition !== 'service_completed_successfully') problem(where, 'provision must wait for pki-init: service_completed_successfully');
  const jaegerEnv = services.jaeger ? envOf(services.jaeger) : {};
  if (String(jaegerEnv.COLLECTOR_OTLP_ENABLED) !== 'true') problem(where, 'jaeger: COLLECTOR_OTLP_ENABLED must be true');
  if (!(services.jaeger?.ports ?? []).some((p) => String(p.target ?? p).includes('16686'))) problem(where, 'jaeger: UI port 16686 must be published');
  // The volume pki-init bootstraps into (CA key included): init jobs only.
  const secretsVolume = (services['pki-init']?.volumes ?? []).map(volumeParts).find((v) => v.target === '/var/lib/datanet/secrets')?.source;
  if (!secretsVolume) problem(where, 'pki-init must bootstrap into a named volume mounted at /var/lib/datanet/secrets');
  const pkiVolumeOwner = new Map();
  if (!topology) return;
  if (topology.bus.adapter !== 'kafka') problem('deploy/topology.compose.yaml', 'bus.adapter must be kafka');

  for (const node of topo.allNodes(topology)) {
    const { host, port } = urlParts(node.url);
    const s = services[host];
    const at = `${where}: service ${host}`;
    if (!s) {
      problem(where, `node ${node.id} (${node.url}) has no service named ${host}`);
      continue;
    }
    const env = envOf(s);
    const expectEnv = {
      DATANET_NODE_ID: node.id,
      DATANET_HTTP_PORT: String(port),
      DATANET_BUS_ADAPTER: 'kafka',
      DATANET_HTTP_HOST: '0.0.0.0',
      DATANET_TOPOLOGY_FILE: '/etc/datanet/topology.yaml',
    };
    for (const [k, v] of Object.entries(expectEnv)) if (String(env[k]) !== v) problem(at, `${k} should be ${v}, is ${env[k]}`);
    const brokers = (node.subnet?.kafkaBrokers ?? topology.bus.kafkaBrokers ?? []).join(',');
    if (env.DATANET_KAFKA_BROKERS !== brokers) problem(at, `DATANET_KAFKA_BROKERS ${env.DATANET_KAFKA_BROKERS} differs from the topology's ${brokers}`);
    const db = /^postgres(?:ql)?:\/\/([^:@/]+)@/.exec(String(env.DATANET_DATABASE_URL ?? ''));
    if (db?.[1] !== topo.sqlName(node.id)) problem(at, `DATANET_DATABASE_URL must log in as ${topo.sqlName(node.id)} (no password in the URL)`);
    if (!env.DATANET_PKI_DIR) problem(at, 'DATANET_PKI_DIR is not set');
    if (!String(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').startsWith('http://otel-collector:4318')) problem(at, 'OTEL_EXPORTER_OTLP_ENDPOINT must be the collector (http://otel-collector:4318)');
    const command = [].concat(s.command ?? []);
    if (command[0] !== node.role) problem(at, `command should start with ${node.role}, is ${JSON.stringify(command)}`);
    const hc = s.healthcheck;
    if (!hc || hc.disable || !JSON.stringify(hc.test ?? '').includes('health')) problem(at, 'needs a healthcheck on /health');
    const limits = s.deploy?.resources?.limits;
    if (!limits?.memory || !limits?.cpus) problem(at, 'needs deploy.resources.limits (cpus and memory)');
    if (!['always', 'unless-stopped', 'on-failure'].some((r) => String(s.restart ?? '').startsWith(r))) problem(at, 'needs a restart policy');
    const deps = s.depends_on ?? {};
    if (deps.provision?.condition !== 'service_completed_successfully') problem(at, 'must depend on provision: service_completed_successfully');
    if (deps.kafka?.condition !== 'service_healthy') problem(at, 'must depend on kafka: service_healthy');
    if (!(s.ports ?? []).some((p) => targetPort(p) === port)) problem(at, `port ${port} is not published`);
    // Each node sees only its own key material: a volume of its own at DATANET_PKI_DIR,
    // writable only for participants (they store the keys and certificates of admission).
    const pkiMount = (s.volumes ?? []).map(volumeParts).find((v) => v.target === env.DATANET_PKI_DIR);
    if (!pkiMount) problem(at, 'no volume is mounted at DATANET_PKI_DIR');
    else {
      const owner = pkiVolumeOwner.get(pkiMount.source);
      if (owner) problem(at, `shares its PKI volume ${pkiMount.source} with ${owner}`);
      pkiVolumeOwner.set(pkiMount.source, node.id);
      if (pkiMount.source === secretsVolume) problem(at, `mounts the CA volume ${secretsVolume} (holds the CA key and every node's keys)`);
      if ((pkiMount.mode === 'ro') !== (node.role !== 'participant')) problem(at, `PKI volume should be ${node.role === 'participant' ? 'writable' : 'read-only'}`);
    }
    if (!String(env.DATANET_DB_PASSWORD_FILE ?? '').startsWith(`${env.DATANET_PKI_DIR}/`)) problem(at, 'DATANET_DB_PASSWORD_FILE should be db.password in DATANET_PKI_DIR');
    if (!(s.volumes ?? []).some((v) => volumeParts(v).target === env.DATANET_TOPOLOGY_FILE)) problem(at, 'the topology is not mounted at DATANET_TOPOLOGY_FILE');
    if (node.role === 'participant' && deps[node.subnet.hub.id]?.condition !== 'service_healthy') problem(at, `should wait for its hub ${node.subnet.hub.id} to be healthy`);
  }
  const otel = parse(readFileSync(join(ROOT, 'deploy/otel-collector.yaml'), 'utf8'));
  const scraped = new Set((otel.receivers?.prometheus?.config?.scrape_configs ?? []).flatMap((c) => (c.static_configs ?? []).flatMap((x) => x.targets ?? [])));
  for (const node of topo.allNodes(topology)) {
    const { host, port } = urlParts(node.url);
    if (!scraped.has(`${host}:${port}`)) problem('deploy/otel-collector.yaml', `node ${node.id}: ${host}:${port}/metrics is not scraped`);
  }
  notes.push(`compose: ${Object.keys(services).length} services, ${topo.allNodes(topology).length} datanet nodes match deploy/topology.compose.yaml`);
}

// --- OpenTelemetry collector config ------------------------------------------------------
function checkOtel() {
  const where = 'deploy/otel-collector.yaml';
  const cfg = parse(readFileSync(join(ROOT, where), 'utf8'));
  const defined = (section, name) => Object.hasOwn(cfg[section] ?? {}, name);
  const pipelines = cfg.service?.pipelines ?? {};
  if (!pipelines.traces) problem(where, 'no traces pipeline');
  for (const [pname, p] of Object.entries(pipelines)) {
    for (const section of ['receivers', 'processors', 'exporters'])
      for (const name of p[section] ?? []) if (!defined(section, name)) problem(where, `pipeline ${pname} uses ${section}.${name}, which is not defined`);
    if (!(p.receivers ?? []).length || !(p.exporters ?? []).length) problem(where, `pipeline ${pname} needs receivers and exporters`);
  }
  for (const name of cfg.service?.extensions ?? []) if (!defined('extensions', name)) problem(where, `extension ${name} is not defined`);
  const toJaeger = (pipelines.traces?.exporters ?? []).some((e) => String(cfg.exporters?.[e]?.endpoint ?? '').startsWith('jaeger:'));
  if (!toJaeger) problem(where, 'the traces pipeline must export to jaeger');
  if (!String(cfg.receivers?.otlp?.protocols?.http?.endpoint ?? '').endsWith(':4318')) problem(where, 'otlp http receiver must listen on :4318');
}

// --- Kubernetes -------------------------------------------------------------------------------
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass']);

function loadModels() {
  if (!args.models) return undefined;
  const require = createRequire(join(resolve(args.models), 'package.json'));
  return (obj) => {
    let Model;
    try {
      Model = require(`kubernetes-models/${obj.apiVersion}/${obj.kind}`)[obj.kind];
    } catch {
      return `no schema for ${obj.apiVersion} ${obj.kind}`;
    }
    // kustomize folds long base64 values over lines; the API server (Go's base64
    // decoder) skips the newlines, the schema's "byte" format does not.
    if (obj.kind === 'Secret' && obj.data)
      obj = { ...obj, data: Object.fromEntries(Object.entries(obj.data).map(([k, v]) => [k, String(v).replace(/\s+/g, '')])) };
    try {
      new Model(obj).validate();
      return undefined;
    } catch (e) {
      return e.message;
    }
  };
}
const validateSchema = loadModels();

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

function podsOf(spec) {
  return [...(spec.initContainers ?? []).map((c) => ({ c, init: true })), ...(spec.containers ?? []).map((c) => ({ c, init: false }))];
}

function checkContainers(at, podSpec, { probes }) {
  if (podSpec.securityContext?.runAsNonRoot !== true) problem(at, 'pod securityContext.runAsNonRoot must be true');
  for (const { c, init } of podsOf(podSpec)) {
    const cat = `${at} container ${c.name}`;
    const r = c.resources ?? {};
    if (!r.limits?.cpu || !r.limits?.memory) problem(cat, 'needs resources.limits (cpu and memory)');
    if (!r.requests?.cpu || !r.requests?.memory) problem(cat, 'needs resources.requests (cpu and memory)');
    if (!c.image || c.image === 'datanet') problem(cat, `image ${c.image} was not set by the kustomize images transformer`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) problem(cat, 'securityContext.allowPrivilegeEscalation must be false');
    if (!(c.securityContext?.capabilities?.drop ?? []).includes('ALL')) problem(cat, 'securityContext.capabilities.drop must include ALL');
    if (init || !probes) continue;
    const portNames = new Map((c.ports ?? []).map((p) => [p.name, p.containerPort]));
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      const get = c[probe]?.httpGet;
      if (!get) problem(cat, `needs ${probe} (httpGet /health)`);
      else {
        if (get.path !== '/health') problem(cat, `${probe} must GET /health, gets ${get.path}`);
        if (typeof get.port === 'string' ? !portNames.has(get.port) : ![...portNames.values()].includes(get.port)) problem(cat, `${probe} port ${get.port} is not a container port`);
      }
    }
  }
}

function checkK8s(name, file, topology, mustBeComplete) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const objs = [];
  for (const d of docs) {
    if (d.errors.length) problem(`k8s[${name}]`, d.errors.map((e) => e.message).join('; '));
    const o = d.toJS();
    if (o) objs.push(o);
  }
  const byKind = (kind) => objs.filter((o) => o.kind === kind);
  const ns = byKind('Namespace')[0]?.metadata?.name;
  for (const o of objs) {
    const at = `k8s[${name}] ${o.kind}/${o.metadata?.name}`;
    if (!o.apiVersion || !o.kind || !o.metadata?.name) problem(at, 'apiVersion, kind and metadata.name are required');
    if (!CLUSTER_SCOPED.has(o.kind) && (!o.metadata?.namespace || o.metadata.namespace !== ns)) problem(at, `must be in namespace ${ns} (is ${o.metadata?.namespace})`);
    if (o.metadata?.labels?.['app.kubernetes.io/part-of'] !== 'datanet') problem(at, 'needs the label app.kubernetes.io/part-of=datanet');
    if (validateSchema) {
      const err = validateSchema(o);
      if (err) problem(at, `schema: ${err}`);
    }
    if (o.kind === 'Secret' && o.metadata?.labels?.['datanet.io/placeholder'] === 'true') notes.push(`k8s[${name}]: Secret ${o.metadata.name} is a documented placeholder`);
    else if (o.kind === 'Secret') problem(at, 'only documented placeholder Secrets may be rendered (real ones are created out of band)');
  }
  if (!ns) problem(`k8s[${name}]`, 'no Namespace');

  const services = byKind('Service');
  const policies = byKind('NetworkPolicy');
  const pdbs = byKind('PodDisruptionBudget');
  const selectsAll = (sel) => !sel || Object.values(sel).every((v) => !v || Object.keys(v).length === 0);
  const isDefaultDeny = (p) => selectsAll(p.spec?.podSelector) && ['Ingress', 'Egress'].every((t) => p.spec?.policyTypes?.includes(t)) && !p.spec?.ingress?.length && !p.spec?.egress?.length;
  if (!policies.some(isDefaultDeny))
    problem(`k8s[${name}]`, 'needs a default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)');

  const deployed = new Set();
  for (const d of byKind('Deployment')) {
    const at = `k8s[${name}] Deployment/${d.metadata.name}`;
    const tmplLabels = d.spec?.template?.metadata?.labels ?? {};
    if (!matches(d.spec?.selector?.matchLabels, tmplLabels)) problem(at, 'selector does not match the pod template labels');
    const podSpec = d.spec?.template?.spec ?? {};
    checkContainers(at, podSpec, { probes: true });
    const nodeId = tmplLabels['datanet.io/node-id'];
    const role = tmplLabels['datanet.io/role'];
    if (!nodeId || !role) {
      problem(at, 'pod template needs labels datanet.io/node-id and datanet.io/role');
      continue;
    }
    deployed.add(nodeId);
    const main = podSpec.containers?.find((c) => c.name === 'node');
    if (!main) problem(at, 'no container named node');
    const httpPort = main?.ports?.find((p) => p.name === 'http')?.containerPort;
    const env = Object.fromEntries((main?.env ?? []).map((e) => [e.name, e.value ?? (e.valueFrom ? '<from>' : undefined)]));
    if (env.DATANET_HTTP_PORT !== String(httpPort)) problem(at, `DATANET_HTTP_PORT ${env.DATANET_HTTP_PORT} differs from container port http ${httpPort}`);
    if (env.DATANET_NODE_ID === undefined) problem(at, 'DATANET_NODE_ID is not set');
    if (!String(env.DATANET_DATABASE_URL ?? '').startsWith(`postgres://${topo.sqlName(nodeId)}@`)) problem(at, `DATANET_DATABASE_URL must log in as ${topo.sqlName(nodeId)}`);
    if (String(main?.args?.[0]) !== role) problem(at, `args should start with ${role}`);
    const secretNames = (podSpec.volumes ?? []).map((v) => v.secret?.secretName).filter(Boolean);
    for (const s of secretNames)
      if (s !== `datanet-pki-${nodeId}`) problem(at, `mounts Secret ${s}, which is not its own (datanet-pki-${nodeId})`);
    for (const c of podsOf(podSpec))
      for (const e of c.c.env ?? [])
        if (e.valueFrom?.secretKeyRef && e.valueFrom.secretKeyRef.name !== `datanet-pki-${nodeId}`) problem(at, `env ${e.name} reads Secret ${e.valueFrom.secretKeyRef.name}, which is not its own`);
    if (role === 'hub' && main?.env?.find((e) => e.name === 'DATANET_ADMIN_TOKEN')?.valueFrom?.secretKeyRef?.optional === true) problem(at, 'DATANET_ADMIN_TOKEN must not be optional');
    if (role === 'hub' && !main?.env?.some((e) => e.name === 'DATANET_ADMIN_TOKEN' && e.valueFrom?.secretKeyRef)) problem(at, 'a hub needs DATANET_ADMIN_TOKEN from its Secret (operator endpoints are open without it)');
    const pkiVolume = (podSpec.volumes ?? []).find((v) => v.name === 'pki');
    if (!main?.volumeMounts?.some((m) => m.name === 'pki' && m.mountPath === '/var/lib/datanet/pki')) problem(at, 'volume pki is not mounted at /var/lib/datanet/pki');
    if (role === 'participant') {
      const claim = pkiVolume?.persistentVolumeClaim?.claimName;
      if (!claim || !byKind('PersistentVolumeClaim').some((c) => c.metadata.name === claim)) problem(at, 'a participant needs a PersistentVolumeClaim of its own as volume pki (it writes its keys there)');
      if (d.spec?.strategy?.type !== 'Recreate') problem(at, 'a participant with a ReadWriteOnce PKI volume needs strategy Recreate');
      if (!podSpec.initContainers?.some((c) => c.name === 'pki-seed')) problem(at, 'a participant needs the pki-seed init container');
    } else if (pkiVolume?.secret?.secretName !== `datanet-pki-${nodeId}`) problem(at, `volume pki must be Secret datanet-pki-${nodeId}`);
    const svc = services.find((s) => matches(s.spec?.selector, tmplLabels));
    if (!svc) problem(at, 'no Service selects its pods');
    if (!policies.some((p) => Object.keys(p.spec?.podSelector?.matchLabels ?? {}).length && matches(p.spec.podSelector.matchLabels, tmplLabels)))
      problem(at, 'no NetworkPolicy of its own');
    if (role === 'hub' && !pdbs.some((p) => matches(p.spec?.selector?.matchLabels, tmplLabels))) problem(at, 'hub without a PodDisruptionBudget');

    const node = topology && topo.findNode(topology, nodeId);
    if (topology && !node) problem(at, `node ${nodeId} is not in deploy/k8s/base/topology.yaml`);
    if (node) {
      const { host, port } = urlParts(node.url);
      if (node.role !== role) problem(at, `is a ${role}, the topology says ${node.role}`);
      if (svc && (svc.metadata.name !== host || !svc.spec.ports?.some((p) => p.port === port))) problem(at, `Service ${svc.metadata.name} should be ${host}:${port} as in the topology`);
      if (httpPort !== port) problem(at, `container port ${httpPort} differs from the topology's ${port}`);
      if (role === 'participant') checkParticipantPolicy(at, policies, tmplLabels, node.subnet.hub.id);
    }
  }
  if (mustBeComplete && topology)
    for (const node of topo.allNodes(topology)) if (!deployed.has(node.id)) problem(`k8s[${name}]`, `node ${node.id} of the topology has no Deployment`);
  for (const j of byKind('Job')) checkContainers(`k8s[${name}] Job/${j.metadata.name}`, j.spec?.template?.spec ?? {}, { probes: false });
  notes.push(`k8s[${name}]: ${objs.length} objects, ${byKind('Deployment').length} Deployments`);
}

// A participant may reach its hub and the infrastructure (namespaces), never another datanet pod.
function checkParticipantPolicy(at, policies, labels, hubId) {
  for (const p of policies.filter((x) => Object.keys(x.spec?.podSelector?.matchLabels ?? {}).length && matches(x.spec.podSelector.matchLabels, labels))) {
    if (!p.spec.policyTypes?.includes('Egress')) problem(at, `NetworkPolicy ${p.metadata.name} does not restrict egress`);
    for (const rule of p.spec.egress ?? []) {
      if (!rule.to) problem(at, `NetworkPolicy ${p.metadata.name} has an egress rule to anywhere`);
      for (const peer of rule.to ?? []) {
        if (peer.podSelector && !peer.namespaceSelector && peer.podSelector.matchLabels?.['datanet.io/node-id'] !== hubId)
          problem(at, `NetworkPolicy ${p.metadata.name} lets it reach pods other than its hub ${hubId}: ${JSON.stringify(peer.podSelector)}`);
      }
    }
  }
}

// --- Dockerfile ------------------------------------------------------------------------------
function checkDockerfile() {
  const where = 'Dockerfile';
  const text = readFileSync(join(ROOT, where), 'utf8').replace(/\\\n/g, ' ');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const arg = lines.find((l) => /^ARG NODE_IMAGE=/.test(l));
  if (!arg?.endsWith('=node:20-bookworm-slim')) problem(where, 'base image must be node:20-bookworm-slim (ARG NODE_IMAGE)');
  const stages = lines.filter((l) => /^FROM /i.test(l));
  if (stages.length < 2) problem(where, 'must be multi-stage');
  const last = lines.slice(lines.lastIndexOf(stages.at(-1)));
  const user = last.filter((l) => /^USER /i.test(l)).at(-1);
  if (!user || /^USER (root|0)(:|$)/i.test(user)) problem(where, 'the runtime stage must end with a non-root USER');
  for (const step of ['npm ci', 'npm run build', 'npm prune --omit=dev']) if (!text.includes(step)) problem(where, `missing \`${step}\``);
  for (const l of lines.filter((x) => /^COPY /i.test(x) && !/--from=/.test(x))) {
    const parts = l.split(/\s+/).slice(1).filter((p) => !p.startsWith('--'));
    for (const src of parts.slice(0, -1)) if (src !== '.' && !existsSync(join(ROOT, src))) problem(where, `COPY source ${src} does not exist`);
  }
}

// --- run --------------------------------------------------------------------------------------
checkDockerfile();
checkOtel();
if (args.compose) checkCompose(args.compose);
const k8sTopology = args.k8s.length ? loadTopology('deploy/k8s/base/topology.yaml') : undefined;
for (const { name, file } of args.k8s) checkK8s(name, file, k8sTopology, name === args.full);
if (!validateSchema && args.k8s.length) notes.push('k8s: OpenAPI schema validation skipped (no --k8s-models)');

for (const n of notes) console.log(`  ${n}`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('  deploy files: all checks passed');
