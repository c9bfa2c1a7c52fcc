/**
 * Where passwords and keys live: the OS keychain in the desktop app, a 0600 file headless. Its own
 * module so OBS, the marketplace and settings share one contract without importing each other.
 */
export interface SecretVault {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}
