import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates an environment object against a schema once, at boot. The error names
 * every bad variable and why, so an operator fixes all of them in one go.
 */
export function loadEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, service: string): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = i.path.join('.') || '(environment)';
    const given = typeof i.path[0] === 'string' && env[i.path[0]] !== undefined ? ` (got ${JSON.stringify(redact(i.path[0], env[i.path[0]]))})` : ' (not set)';
    return `  ${name}: ${i.message}${given}`;
  });
  throw new ConfigError(`${service}: invalid configuration:\n${lines.join('\n')}`);
}

function redact(name: string, value: string | undefined): string | undefined {
  return /KEY|TOKEN|SECRET|PASSWORD|URL/.test(name) && value ? `<${value.length} chars, redacted>` : value;
}

/** Reusable field builders so all services spell the same variables the same way. */
export const env = {
  nodeId: () => z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be a node id from the topology file'),
  postgresUrl: () => z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// connection URL'),
  port: () => z.coerce.number().int().min(1).max(65535),
  positiveInt: (max: number) => z.coerce.number().int().min(1).max(max),
  logLevel: () => z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  csv: () =>
    z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.string()).min(1)),
  hexKey: (minBytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${minBytes * 2},}$`), `must be at least ${minBytes} bytes of lowercase hex`),
};
