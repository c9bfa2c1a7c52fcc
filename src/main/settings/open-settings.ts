import { join } from 'node:path';
import { FileSecretStore } from './secret-file';
import { StartupError } from './startup-error';
import { StudioSettings, type LanStore } from './studio-settings';

/** The settings file, or one sentence on why it cannot be used (conf throws on a damaged one). */
export function openSettings(dataDir: string): StudioSettings {
  try {
    return new StudioSettings(dataDir);
  } catch (err) {
    if (isPermission(err)) throw new StartupError(`The settings file ${join(dataDir, 'settings.json')} cannot be read and written by this user; fix its permissions or choose another --data-dir.`);
    throw new StartupError(`The settings file ${join(dataDir, 'settings.json')} is damaged (${(err as Error).message}); restore it from a backup, or move it away to start with fresh settings (OBS connections, the marketplace and paired devices set up again).`);
  }
}

export function openSecretFile(dataDir: string): FileSecretStore {
  try {
    return new FileSecretStore(dataDir);
  } catch (err) {
    if (isPermission(err)) throw new StartupError(`The secrets file ${join(dataDir, 'secrets.json')} cannot be read by this user; fix its permissions or choose another --data-dir.`);
    throw new StartupError(`The secrets file ${join(dataDir, 'secrets.json')} is damaged (${(err as Error).message}); restore it from a backup, or move it away and enter the OBS passwords and marketplace keys again (the owner token is then a new one).`);
  }
}

/**
 * Says, as the first thing the studio prints, when a stored setting opens it to the studio network;
 * with `lan: false` (serve --no-lan) the stored "on" stays off for this run and is kept for the next.
 */
export function announceLan(settings: StudioSettings, host: string, options: { lan?: boolean }, log: (line: string) => void): LanStore {
  if (!settings.lan.enabled() || !isLoopbackHost(host)) return settings.lan;
  if (options.lan === false) {
    log('LAN mode is saved as on, but stays off for this run (--no-lan): only this computer can open the studio.');
    return { enabled: () => false, setEnabled: (on) => settings.lan.setEnabled(on) };
  }
  log('LAN mode is on (saved setting): devices on the studio network can reach this studio and ask to pair. Start with --no-lan to keep it on this computer for this run.');
  return settings.lan;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function isPermission(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
}
