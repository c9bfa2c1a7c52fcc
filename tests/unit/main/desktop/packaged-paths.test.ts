import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPaths } from '../../../../src/main/studio';

describe('defaultPaths', () => {
  it('in an installed app (this module inside app.asar) finds the pages, demo and dictionaries beside app.asar', () => {
    const resources = join('/opt', 'Shopcast Studio', 'resources');
    const paths = defaultPaths(join(resources, 'app.asar', 'out', 'main', 'chunks', 'studio-x.js'), resources);
    expect(paths).toEqual({ rendererDir: join(resources, 'renderer'), resourcesDir: resources });
  });

  it('run from the project (npm start, npm run serve, tests) finds them in the project, even inside Electron', () => {
    const project = resolve(__dirname, '../../../..');
    const expected = { rendererDir: join(project, 'out', 'renderer'), resourcesDir: join(project, 'resources') };
    expect(defaultPaths(join(project, 'out', 'main', 'index.js'), undefined)).toEqual(expected);
    // `electron .` in development has a resourcesPath too (Electron's own): not used.
    expect(defaultPaths(join(project, 'out', 'main', 'index.js'), '/usr/lib/electron/resources')).toEqual(expected);
  });
});
