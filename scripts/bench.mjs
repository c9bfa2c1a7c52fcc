// `npm run bench [pin|fanout|replay|search|obs|overlay|sales|report|demo|import|clips|library|clock]`: builds if needed, then runs tests/bench with tsx.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

ensureBuild();
const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'tests', 'bench', 'run.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
