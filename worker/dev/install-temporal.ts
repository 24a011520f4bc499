// `npm ci` runs this (postinstall) so that a fresh clone has the Temporal binaries before anything needs them.
import { ensureTemporalBinaries } from './temporal-binaries';

try {
  const bins = ensureTemporalBinaries((line) => console.log(line));
  console.log(`Temporal CLI: ${bins.cli}\nTemporal test server: ${bins.testServer}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
