/**
 * What the desktop window's preload exposes as `window.shopcastDesktop`, and nothing more.
 * A browser at the Control URL has no such object; the control room works without it.
 */
export interface CoreAddress {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  /** The owner token for this machine's window. */
  token: string;
}

export interface ImportFile {
  name: string;
  /** `csv` or `json`, from the file's extension. */
  kind: 'csv' | 'json';
  text: string;
}

/** One global hotkey action as the hotkeys panel shows it (mirrors src/main/desktop/hotkey-registry.ts). */
export interface DesktopHotkey {
  action: string;
  accelerator: string | null;
  /** `taken`: another app or the system owns the key; `unavailable`: the feature is not built yet. */
  state: 'off' | 'active' | 'taken' | 'unavailable';
  /** What an unavailable action waits for. */
  needs: 'planned-rundown' | 'graphics' | null;
}

export interface HotkeyAssignment {
  views: DesktopHotkey[];
  /** Why the key was refused, or null. */
  error: 'unknown_action' | 'invalid_key' | 'duplicate_key' | 'unavailable' | null;
}

export interface ShopcastDesktopApi {
  /** The app version, e.g. `0.1.0`. */
  readonly version: string;
  /** How to reach the in-process core. */
  core(): Promise<CoreAddress>;
  /** The native open dialog for a CSV or JSON catalogue; null when cancelled. */
  openImportFile(): Promise<ImportFile | null>;
  /** The global hotkeys and whether each key is held. */
  hotkeys(): Promise<DesktopHotkey[]>;
  /** Assigns a key (Electron accelerator, e.g. `CommandOrControl+Shift+Right`) to an action, or null to clear it. */
  assignHotkey(action: string, accelerator: string | null): Promise<HotkeyAssignment>;
  /** The desk's picker chose a language (`pl`): the tray, dialogs and notifications speak it too; false if the shell does not. */
  setDeskLanguage(lang: string): Promise<boolean>;
}

declare global {
  interface Window {
    shopcastDesktop?: ShopcastDesktopApi;
  }
}
