// Moves the bootstrap material between a directory and Kubernetes Secrets, for the
// datanet-bootstrap Job (deploy/k8s/bootstrap). It talks to the API server with
// the pod's service-account token; no kubectl image is needed.
//
//   node k8s-secrets.mjs pull DIR   write every Secret labelled datanet.io/bootstrap=true into DIR
//   node k8s-secrets.mjs push DIR   create or update one Secret per directory of DIR
//                                   (server-side apply)
//
// DIR has the layout `pki bootstrap` writes and `provision` reads: one directory per
// node (its PKI dir: ca.crt, keys, certificates, enrollment material, db.password)
// and ca/ (the trial CA, private key included). Directory <d> becomes Secret
// datanet-pki-<d>: a node mounts only datanet-pki-<its id>; datanet-pki-ca is
// mounted by nothing. Each Secret carries the annotation datanet.io/dir, so `pull`
// restores the same tree and re-running bootstrap/provision is idempotent: they
// find their earlier output instead of minting a new CA or new passwords.
//
// Needs: KUBERNETES_SERVICE_HOST/PORT (set by Kubernetes), the service-account files,
// and NODE_EXTRA_CA_CERTS=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt so that
// fetch trusts the API server.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SA_DIR = process.env.DATANET_SA_DIR ?? '/var/run/secrets/kubernetes.io/serviceaccount';
const LABEL = 'datanet.io/bootstrap';
const DIR_ANNOTATION = 'datanet.io/dir';
const FIELD_MANAGER = 'datanet-bootstrap';
const KEY = /^[-._a-zA-Z0-9]+$/;
const DIR_NAME = /^[a-z][a-z0-9-]{0,40}$/; // node ids (and `ca`)
const SECRET_PREFIX = 'datanet-pki-';
const MAX_SECRET_BYTES = 900 * 1024; // the API server refuses Secrets over 1 MiB

function fail(message) {
  console.error(`k8s-secrets: ${message}`);
  process.exit(1);
}

function apiBase() {
  if (process.env.DATANET_K8S_API) return process.env.DATANET_K8S_API; // tests
  const host = process.env.KUBERNETES_SERVICE_HOST;
  const port = process.env.KUBERNETES_SERVICE_PORT ?? '443';
  if (!host) fail('KUBERNETES_SERVICE_HOST is not set: not running in a pod?');
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

const token = readFileSync(join(SA_DIR, 'token'), 'utf8').trim();
const namespace = process.env.DATANET_NAMESPACE ?? readFileSync(join(SA_DIR, 'namespace'), 'utf8').trim();
const secretsUrl = `${apiBase()}/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`;

async function api(method, url, body, contentType = 'application/json') {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': contentType } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (!res.ok) fail(`${method} ${url} -> ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

function writeSecret(dir, secret) {
  const sub = secret.metadata?.annotations?.[DIR_ANNOTATION];
  if (sub === undefined) fail(`secret ${secret.metadata?.name} has no ${DIR_ANNOTATION} annotation`);
  if (!DIR_NAME.test(sub)) fail(`secret ${secret.metadata.name}: bad ${DIR_ANNOTATION} ${JSON.stringify(sub)}`);
  const target = join(dir, sub);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const [key, b64] of Object.entries(secret.data ?? {})) {
    if (!KEY.test(key) || key === '.' || key === '..') fail(`secret ${secret.metadata.name}: bad key ${JSON.stringify(key)}`);
    writeFileSync(join(target, key), Buffer.from(b64, 'base64'), { mode: 0o600 });
  }
  return Object.keys(secret.data ?? {}).length;
}

async function pull(dir) {
  const list = await api('GET', `${secretsUrl}?labelSelector=${encodeURIComponent(`${LABEL}=true`)}`);
  let files = 0;
  for (const secret of list.items ?? []) files += writeSecret(dir, secret);
  console.log(`k8s-secrets: pulled ${list.items?.length ?? 0} secrets (${files} files) into ${dir}`);
}

function filesOf(dir) {
  const data = {};
  let size = 0;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    if (!KEY.test(name)) fail(`${path}: file name is not a valid Secret key`);
    const bytes = readFileSync(path);
    size += bytes.length;
    data[name] = bytes.toString('base64');
  }
  if (size > MAX_SECRET_BYTES) fail(`${dir}: ${size} bytes do not fit in one Secret`);
  return data;
}

function secretOf(sub, data) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: `${SECRET_PREFIX}${sub}`,
      namespace,
      labels: { 'app.kubernetes.io/part-of': 'datanet', 'app.kubernetes.io/managed-by': FIELD_MANAGER, [LABEL]: 'true' },
      annotations: { [DIR_ANNOTATION]: sub },
    },
    data,
  };
}

async function push(dir) {
  const secrets = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) fail(`${path}: unexpected file at the top of the PKI tree`);
    if (!DIR_NAME.test(name)) fail(`${path}: directory name is not a node id`);
    for (const f of readdirSync(path)) if (statSync(join(path, f)).isDirectory()) fail(`${join(path, f)}: nested directories cannot be stored in a Secret`);
    const data = filesOf(path);
    if (Object.keys(data).length > 0) secrets.push(secretOf(name, data));
  }
  if (secrets.length === 0) fail(`${dir} is empty: nothing to publish`);
  for (const s of secrets) {
    // Server-side apply: creates the Secret or updates it, in one idempotent call.
    await api('PATCH', `${secretsUrl}/${s.metadata.name}?fieldManager=${FIELD_MANAGER}&force=true`, s, 'application/apply-patch+yaml');
    console.log(`k8s-secrets: applied ${s.metadata.name} (${Object.keys(s.data).join(', ')})`);
  }
}

const [command, dir] = process.argv.slice(2);
if (!dir || (command !== 'pull' && command !== 'push')) fail('usage: k8s-secrets.mjs pull|push DIR');
mkdirSync(dir, { recursive: true, mode: 0o700 });
await (command === 'pull' ? pull(dir) : push(dir));
