import { promises as fsp, readFileSync } from 'node:fs';
import { writeAtomically } from '../show/atomic-file';

const FILE = 'recording-folders.json';

/**
 * Per OBS connection, the folder on this computer where a remote OBS's recordings can be read (a
 * network share the user maps). A studio setting, not a show's: kept beside the clips.
 */
export class RecordingFolders {
  private readonly folders = new Map<string, string>();

  constructor(private readonly dir: string) {
    try {
      const stored = JSON.parse(readFileSync(`${dir}/${FILE}`, 'utf8')) as Record<string, unknown>;
      for (const [id, folder] of Object.entries(stored)) if (typeof folder === 'string') this.folders.set(id, folder);
    } catch {
      // None mapped yet (or an unreadable file: mapping again rewrites it).
    }
  }

  get(connectionId: string): string | null {
    return this.folders.get(connectionId) ?? null;
  }

  async set(connectionId: string, folder: string | null): Promise<void> {
    if (folder === null) this.folders.delete(connectionId);
    else this.folders.set(connectionId, folder);
    await fsp.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeAtomically(this.dir, FILE, [JSON.stringify(Object.fromEntries(this.folders))]);
  }
}
