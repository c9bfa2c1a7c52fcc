import { BrowserWindow, screen, shell } from 'electron';
import type Store from 'electron-store';
import { isExternalLink, isStudioUrl, placeWindow } from './guards';
import type { ShellSettings } from './shell-settings';

export interface ControlWindowOptions {
  controlUrl: string;
  studioOrigin: string;
  preload: string;
  version: string;
  /** The window's title until the page sets its own (the app's name from the shell's dictionary). */
  title: string;
  settings: Store<ShellSettings>;
}

/**
 * The control room window: the same page a browser gets at the Control URL, in a sandboxed renderer
 * that can reach nothing but the studio and the small preload bridge.
 */
export function openControlWindow(options: ControlWindowOptions): BrowserWindow {
  const saved = options.settings.get('windowBounds');
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const bounds = placeWindow(saved, displays.map((d) => d.workArea));
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: '#0f1115',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      additionalArguments: [`--shopcast-version=${options.version}`]
    }
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isStudioUrl(url, options.studioOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isStudioUrl(url, options.studioOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url) && !isStudioUrl(url, options.studioOrigin)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);

  let saveTimer: NodeJS.Timeout | null = null;
  const saveBounds = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    options.settings.set('windowBounds', { ...(win.isMaximized() ? win.getNormalBounds() : win.getBounds()), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(saveBounds, 500);
  };
  win.on('move', saveSoon);
  win.on('resize', saveSoon);
  win.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveBounds();
  });

  void win.loadURL(options.controlUrl);
  return win;
}
