// A reporter that prints, after the run, how long each tier took: from its first file's start to its last file's
// end (tiers run one after another), so a slow tier is seen at a glance. Services and the bundle are set up once
// before the first tier that needs them, and counted apart.
import type { Reporter, TestModule } from 'vitest/node';

export default class TierTimes implements Reporter {
  private readonly spans = new Map<string, { start: number; end: number; files: number }>();
  private readonly runStart = Date.now();
  private firstFile: number | null = null;

  onTestModuleStart(module: TestModule): void {
    const now = Date.now();
    this.firstFile ??= now;
    const tier = module.project.name;
    const span = this.spans.get(tier) ?? { start: now, end: now, files: 0 };
    this.spans.set(tier, span);
  }

  onTestModuleEnd(module: TestModule): void {
    const span = this.spans.get(module.project.name);
    if (!span) return;
    span.end = Date.now();
    span.files += 1;
  }

  onTestRunEnd(): void {
    if (!this.spans.size) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const tiers = [...this.spans].map(([tier, s]) => `${tier} ${seconds(s.end - s.start)} (${s.files} files)`);
    const setUp = this.firstFile === null ? 0 : this.firstFile - this.runStart;
    console.log(`\nTier times: ${tiers.join(', ')}; set-up before the first file ${seconds(setUp)}`);
  }
}
