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

export interface ShopcastDesktopApi {
  /** The app version, e.g. `0.1.0`. */
  readonly version: string;
  /** How to reach the in-process core. */
  core(): Promise<CoreAddress>;
  /** The native open dialog for a CSV or JSON catalogue; null when cancelled. */
  openImportFile(): Promise<ImportFile | null>;
}

declare global {
  interface Window {
    shopcastDesktop?: ShopcastDesktopApi;
  }
}
