// `npm ci` runs this (postinstall) so that a fresh clone has the Temporal binaries before anything needs them. A
// production install (`npm ci --omit=dev`, or NODE_ENV=production) runs against a Temporal cluster and skips them:
// the dev server and the test server are development tools.
import { ensureTemporalBinaries } from './temporal-binaries';

const omitted = (process.env.npm_config_omit ?? '').split(/[\s,]+/);
if (omitted.includes('dev') || process.env.NODE_ENV === 'production') {
  console.log('Production install: the Temporal dev server and test server are not installed.');
} else {
  try {
    const bins = ensureTemporalBinaries((line) => console.log(line));
    console.log(`Temporal CLI: ${bins.cli}\nTemporal test server: ${bins.testServer}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
