// `npm run replay [-- case-summary case-history]`: rebuilds the named projections (all when none
// are named) from position 0 and switches to them. See service/replayCommand.ts.
import { runReplay } from './service/replayCommand';

runReplay(process.env, process.argv.slice(2), {
  info: (line) => console.log(line),
  error: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  },
);
