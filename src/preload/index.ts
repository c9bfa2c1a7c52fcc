import { contextBridge, ipcRenderer } from 'electron';
import type { CoreAddress, ImportFile, ShopcastDesktopApi } from './api';

// The whole bridge between the sandboxed window and the main process: three members, no
// ipcRenderer, no Node. The version comes as a launch argument (a sandboxed preload reads no files).
const versionArg = process.argv.find((arg) => arg.startsWith('--shopcast-version='));

const api: ShopcastDesktopApi = {
  version: versionArg ? versionArg.slice('--shopcast-version='.length) : '',
  core: (): Promise<CoreAddress> => ipcRenderer.invoke('shopcast:core'),
  openImportFile: (): Promise<ImportFile | null> => ipcRenderer.invoke('shopcast:open-import-file')
};

contextBridge.exposeInMainWorld('shopcastDesktop', api);
