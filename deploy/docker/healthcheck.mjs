// Container healthcheck of the datanet image: exit 0 when GET /health on this
// container's own HTTP port answers 200 within the timeout, 1 otherwise.
// The slim Node image has no curl or wget; Node's fetch does the job.
// Port: DATANET_HTTP_PORT (compose and the k8s manifests always set it).
const port = Number(process.env.DATANET_HTTP_PORT);
const timeoutMs = Number(process.env.DATANET_HEALTHCHECK_TIMEOUT_MS ?? 2500);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`healthcheck: DATANET_HTTP_PORT must be a port number (got ${JSON.stringify(process.env.DATANET_HTTP_PORT)})`);
  process.exit(1);
}
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(timeoutMs) });
  if (res.status !== 200) console.error(`healthcheck: /health answered ${res.status}`);
  process.exit(res.status === 200 ? 0 : 1);
} catch (e) {
  console.error(`healthcheck: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
