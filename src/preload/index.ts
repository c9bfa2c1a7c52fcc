import { contextBridge, ipcRenderer } from 'electron';
import type { CoreAddress, DesktopHotkey, HotkeyAssignment, ImportFile, ShopcastDesktopApi } from './api';

// The whole bridge between the sandboxed window and the main process: six members, no
// ipcRenderer, no Node. The version comes as a launch argument (a sandboxed preload reads no files).
const versionArg = process.argv.find((arg) => arg.startsWith('--shopcast-version='));

const api: ShopcastDesktopApi = {
  version: versionArg ? versionArg.slice('--shopcast-version='.length) : '',
  core: (): Promise<CoreAddress> => ipcRenderer.invoke('shopcast:core'),
  openImportFile: (): Promise<ImportFile | null> => ipcRenderer.invoke('shopcast:open-import-file'),
  hotkeys: (): Promise<DesktopHotkey[]> => ipcRenderer.invoke('shopcast:hotkeys'),
  assignHotkey: (action: string, accelerator: string | null): Promise<HotkeyAssignment> => ipcRenderer.invoke('shopcast:assign-hotkey', action, accelerator),
  setDeskLanguage: (lang: string): Promise<boolean> => ipcRenderer.invoke('shopcast:desk-language', lang)
};

contextBridge.exposeInMainWorld('shopcastDesktop', api);
