// Orderly stop on SIGTERM/SIGINT: steps run last-registered first (register in start-up order:
// store, subscribers, HTTP server), so intake stops before subscribers finish their batch and the
// store closes last. A deadline bounds the whole thing.

import type { Logger } from '../logging/createLogger';

export interface Shutdown {
  /** Adds a step; steps run in reverse order of registration. */
  onShutdown(name: string, step: () => Promise<void>): void;
  /** Runs every step once; later calls get the same promise. Resolves true when all steps succeeded. */
  run(reason: string): Promise<boolean>;
  /** Runs on SIGTERM and SIGINT, then exits the process (1 when a step failed or timed out). */
  exitOnSignals(): void;
}

export interface ShutdownOptions {
  logger: Logger;
  timeoutMs: number;
  exit?: (code: number) => void;
}

export function createShutdown(options: ShutdownOptions): Shutdown {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const steps: Array<{ name: string; step: () => Promise<void> }> = [];
  let running: Promise<boolean> | null = null;

  const runSteps = async (): Promise<boolean> => {
    let succeeded = true;
    for (const { name, step } of [...steps].reverse()) {
      try {
        await step();
        logger.info({ step: name }, 'shutdown step done');
      } catch (error) {
        succeeded = false;
        logger.error({ err: error, step: name }, 'shutdown step failed');
      }
    }
    return succeeded;
  };

  const run = (reason: string) => {
    running ??= (async () => {
      logger.info({ trigger: reason }, 'shutting down');
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => {
          logger.error({ timeoutMs: options.timeoutMs }, 'shutdown took too long');
          resolve(false);
        }, options.timeoutMs);
        timer.unref();
      });
      const succeeded = await Promise.race([runSteps(), deadline]);
      clearTimeout(timer);
      return succeeded;
    })();
    return running;
  };

  return {
    onShutdown: (name, step) => steps.push({ name, step }),
    run,
    exitOnSignals() {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          void run(signal).then((succeeded) => exit(succeeded ? 0 : 1));
        });
      }
    },
  };
}
