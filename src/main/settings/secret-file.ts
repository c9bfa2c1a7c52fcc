import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Secrets of the headless studio (`serve`): a `secrets.json` readable by its owner only. The desktop
 * app keeps them in the OS keychain instead. Values never leave this module except to their user.
 */
export class FileSecretStore {
  private readonly file: string;
  private values: Record<string, string>;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'secrets.json');
    this.values = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>) : {};
  }

  get(name: string): string | undefined {
    return this.values[name];
  }

  set(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
    this.write();
  }

  delete(name: string): void {
    if (!(name in this.values)) return;
    const { [name]: _gone, ...rest } = this.values;
    this.values = rest;
    this.write();
  }

  private write(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.values), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }
}
