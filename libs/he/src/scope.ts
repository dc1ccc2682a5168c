/** Anything backed by WASM heap memory that must be released explicitly. */
export interface Deletable {
  delete(): void;
}

/**
 * A tiny `using`-style helper: every SEAL temporary is registered with `track`
 * and freed when the scope ends, even on exceptions. Without this the WASM heap
 * only grows (SEAL objects are not garbage collected) until allocation fails.
 */
export class Scope {
  private readonly items: Deletable[] = [];

  track<T extends Deletable>(item: T): T {
    this.items.push(item);
    return item;
  }

  /** Removes `item` from the scope so it survives (ownership moves to the caller). */
  release<T extends Deletable>(item: T): T {
    const index = this.items.lastIndexOf(item);
    if (index >= 0) this.items.splice(index, 1);
    return item;
  }

  dispose(): void {
    while (this.items.length > 0) this.items.pop()?.delete();
  }
}

/** Runs `body` with a fresh scope and frees everything it tracked afterwards. */
export function withScope<T>(body: (scope: Scope) => T): T {
  const scope = new Scope();
  try {
    return body(scope);
  } finally {
    scope.dispose();
  }
}
