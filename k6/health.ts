// Smoke test: every node's GET /health answers 200 with a JSON body, a few times.
//
//   k6 run k6/health.ts                                   (compose trial network)
//   k6 run -e NODES=hub-a=https://hub-a.example.org,a1=https://a1.example.org k6/health.ts
//
// Variables: NODES (id=url,...; default: the seven compose nodes on localhost),
// ITERATIONS (rounds over all nodes, default 3), P95_MS (default 1000), AUTH_TOKEN.
import { check, sleep } from 'k6';
import http from 'k6/http';
import type { Options } from 'k6/options';
import { envInt, envNodeUrls, jsonHeaders } from './lib/env.ts';

const NODES = envNodeUrls('NODES');
const ITERATIONS = envInt('ITERATIONS', 3, 1, 1000);
const P95_MS = envInt('P95_MS', 1000, 1, 60_000);
const HEADERS = jsonHeaders();

export const options: Options = {
  scenarios: {
    smoke: {
      executor: 'per-vu-iterations',
      vus: 1,
      iterations: ITERATIONS,
      maxDuration: '2m',
    },
  },
  thresholds: {
    checks: ['rate==1'],
    http_req_failed: ['rate==0'],
    http_req_duration: [`p(95)<${P95_MS}`],
  },
};

export default function (): void {
  const ids = Object.keys(NODES);
  const responses = http.batch(
    ids.map((id) => ({
      method: 'GET',
      url: `${NODES[id]}/health`,
      params: { headers: HEADERS, tags: { name: 'GET /health', node: id } },
    })),
  );
  responses.forEach((res, i) => {
    const id = ids[i] ?? '?';
    check(res, {
      [`${id}: /health is 200`]: (r) => r.status === 200,
      [`${id}: /health is JSON`]: (r) => {
        try {
          const body = r.json();
          return typeof body === 'object' && body !== null;
        } catch {
          return false;
        }
      },
    });
  });
  sleep(1);
}
