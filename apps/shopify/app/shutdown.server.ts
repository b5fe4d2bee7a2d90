/**
 * Ordered shutdown: the click buffer must flush before the database closes. Hooks run last
 * registered first (what depends on the database is created after it, so it finishes before it
 * closes); then the signal is raised again so the process exits as it normally would.
 */
type Hook = () => Promise<void> | void;

const hooks: Hook[] = [];
let installed = false;

/**
 * Registers work to finish on SIGINT/SIGTERM (e.g. flush buffers, close pools).
 *
 * @example
 *   onShutdown(() => clickRecorder.flush());
 * @returns nothing; with no hooks registered, signals behave as Node's defaults.
 */
export function onShutdown(hook: Hook): void {
  hooks.push(hook);
  if (installed) return;
  installed = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void runHooks().finally(() => process.kill(process.pid, signal));
    });
  }
}

async function runHooks(): Promise<void> {
  for (const hook of hooks.splice(0).reverse()) {
    try {
      await hook();
    } catch (error) {
      console.error("shutdown hook failed", error);
    }
  }
}
