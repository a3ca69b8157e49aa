// Starts identityProvider.mjs (node-oidc-provider, ESM only) as a child process, so Jest's
// CommonJS runtime never has to import it, and waits a bounded time for the issuer it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Actor } from '@kot/domain';

export interface IdentityProviderSettings {
  clientId: string;
  redirectUri: string;
  /** The resource indicator the portal sends; the access token is then a JWT for `audience`. */
  resource: string;
  audience: string;
  /** How long an access token is valid; ten minutes unless set. */
  accessTokenTtlSeconds?: number;
  /** Who can log in: the login typed on the provider's page is the actor's id (the token's sub). */
  accounts: readonly Actor[];
}

export interface RunningIdentityProvider {
  issuer: string;
  jwksUri: string;
  stop(): Promise<void>;
}

const startTimeoutMs = 15_000;

export async function startIdentityProvider(
  settings: IdentityProviderSettings,
): Promise<RunningIdentityProvider> {
  const accounts = Object.fromEntries(
    settings.accounts.map(({ id, role, organisation, name }) => [id, { role, organisation, name }]),
  );
  const child = spawn(
    process.execPath,
    [join(__dirname, '../../infra/identity-provider/identityProvider.mjs')],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        IDENTITY_PROVIDER_SETTINGS: JSON.stringify({ ...settings, accounts }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errorOutput = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errorOutput += chunk.toString();
  });
  try {
    const issuer = await firstLine(child, startTimeoutMs, () => errorOutput);
    const discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(5_000),
      })
    ).json()) as { jwks_uri: string };
    return { issuer, jwksUri: discovery.jwks_uri, stop: () => stop(child) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

function firstLine(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () =>
        reject(new Error(`the identity provider did not start in ${timeoutMs} ms: ${stderr()}`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the identity provider exited with ${code}: ${stderr()}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (!output.includes('\n') || !line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A loopback port nobody listens on now. The platform needs its own address before it starts:
 * the provider must know the portal's callback, and the platform the provider's issuer.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
