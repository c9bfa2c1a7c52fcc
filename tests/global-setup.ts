// The process-level tests (crash, end-to-end) run the built studio exactly as `npm run serve` does,
// so the build is brought up to date once before any test runs.
// @ts-expect-error: a plain .mjs build helper shared with `npm run serve`
import { ensureBuild } from '../scripts/ensure-build.mjs';

export default function setup(): void {
  // For a quick unit-only loop: SHOPCAST_SKIP_BUILD=1 npx vitest run tests/unit
  if (process.env.SHOPCAST_SKIP_BUILD === '1') return;
  (ensureBuild as () => void)();
}
