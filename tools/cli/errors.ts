/** Exit codes of the CLI (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** A request failed, the participant could not be reached, a file could not be read. */
  error: 1,
  /** `job watch`: the job failed (its failure code is printed). */
  jobFailed: 2,
  /** `job watch`: the job was cancelled (stopped); `audit verify`: a broken link. */
  jobCancelled: 3,
  /** `job watch --timeout-s`: still running when the timeout passed. */
  watchTimeout: 4,
  /** Bad arguments. */
  usage: 64,
} as const;

/** Bad arguments: the message says which and why; exit 64. */
export class UsageError extends Error {}

/** Anything else the user should read without a stack trace; exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.error,
  ) {
    super(message);
  }
}
