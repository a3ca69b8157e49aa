// The machine is shared: every figure is printed beside how busy it was.
import { cpus, loadavg } from 'node:os';

export const loadAverage = (): string => {
  const [one, five] = loadavg();
  return `load average ${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min) on ${cpus().length} cores`;
};
