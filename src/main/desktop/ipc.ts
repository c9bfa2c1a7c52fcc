import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CoreAddress, ImportFile } from '../../preload/api';
import { importKindOf, isStudioUrl } from './guards';
import type { ShellLanguage } from './shell-text';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The only two things the window may ask of the main process. Callers are checked every time. */
export function registerIpc(core: CoreAddress, studioOrigin: string, language: ShellLanguage): void {
  const fromStudio = (event: IpcMainInvokeEvent) => {
    if (!isStudioUrl(event.senderFrame?.url, studioOrigin)) throw new Error('refused: the caller is not the studio page');
  };

  ipcMain.handle('shopcast:core', (event): CoreAddress => {
    fromStudio(event);
    return core;
  });

  ipcMain.handle('shopcast:open-import-file', async (event): Promise<ImportFile | null> => {
    fromStudio(event);
    const parent = BrowserWindow.fromWebContents(event.sender);
    const { t } = language.text;
    const options: Electron.OpenDialogOptions = {
      title: t('import.dialogTitle'),
      properties: ['openFile'],
      filters: [{ name: t('import.filterName'), extensions: ['csv', 'json'] }]
    };
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return null;
    const kind = importKindOf(path);
    if (!kind) throw new Error(t('import.notCsvOrJson'));
    if ((await stat(path)).size > MAX_IMPORT_BYTES) throw new Error(t('import.tooLarge'));
    return { name: basename(path), kind, text: await readFile(path, 'utf8') };
  });
}
