// The all-in-one serves services/portal/dist; the tests build it first so they test this code.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function buildPortal(): void {
  execFileSync(
    'npm',
    ['run', 'build', '--silent', '-w', 'services/portal', '--', '--logLevel', 'warn'],
    {
      cwd: join(__dirname, '../..'),
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      timeout: 120_000,
    },
  );
}
