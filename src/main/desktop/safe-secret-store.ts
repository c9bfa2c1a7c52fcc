import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { SecretVault } from '../common/secret-vault';
import { FileSecretStore } from '../settings/secret-file';

/**
 * Secrets in the OS keychain's care (Keychain, DPAPI, libsecret/kwallet) through Electron's
 * safeStorage: only ciphertext is written to disk. Without OS encryption, falls back to the
 * owner-only file the headless studio uses, and says so once.
 */
export function openSecretVault(dataDir: string, warn: (message: string) => void): SecretVault {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    warn('No OS secret storage is available: OBS passwords and marketplace keys are kept in an owner-only file in the data dir.');
    return new FileSecretStore(dataDir);
  }
  const store = new Store<{ secrets: Record<string, string> }>({ name: 'secrets', defaults: { secrets: {} } });
  return {
    get(name) {
      const sealed = store.get('secrets')[name];
      return sealed ? safeStorage.decryptString(Buffer.from(sealed, 'base64')) : undefined;
    },
    set(name, value) {
      store.set('secrets', { ...store.get('secrets'), [name]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(name) {
      const { [name]: _gone, ...rest } = store.get('secrets');
      store.set('secrets', rest);
    }
  };
}
