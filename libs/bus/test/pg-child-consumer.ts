/**
 * A consumer in its own process for the SIGKILL contract case (postgres adapter).
 * Compiled to dist/libs/bus/test/pg-child-consumer.js by the build. Protocol on
 * stdout, one line per event: `ready`, `start <value>`, `done <value>`.
 */
import { PostgresBus } from '../src/postgres/postgres-bus.js';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing ${name}`);
  return value;
}

const bus = new PostgresBus({
  url: env('BUS_URL'),
  schema: env('BUS_SCHEMA'),
  principal: env('BUS_PRINCIPAL'),
  maxMessageBytes: Number(env('BUS_MAX_MESSAGE_BYTES')),
  pollIntervalMs: 100,
  heartbeatIntervalMs: 200,
});
const delayMs = Number(env('BUS_HANDLER_DELAY_MS'));

await bus.subscribe({
  groupId: env('BUS_GROUP'),
  topics: [env('BUS_TOPIC')],
  handler: async (record) => {
    const value = Buffer.from(record.value).toString('utf8');
    process.stdout.write(`start ${value}\n`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    process.stdout.write(`done ${value}\n`);
  },
  onError: (error) => process.stderr.write(`${error.message}\n`),
});
process.stdout.write('ready\n');
