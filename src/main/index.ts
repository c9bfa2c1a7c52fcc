import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { startStudio, type Studio } from './studio';
import { registerIpc } from './desktop/ipc';
import { openControlWindow } from './desktop/window';
import type Store from 'electron-store';
import { openShellSettings, type ShellSettings } from './desktop/shell-settings';
import { openSecretVault } from './desktop/safe-secret-store';
import { DesktopShell } from './desktop/desktop-shell';
import { ShellLanguage } from './desktop/shell-text';

// The desktop app: the same studio `npm run serve` runs, started in-process, plus one window.
const DEFAULT_PORT = 4555;
const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

let studio: Studio | null = null;
let window: BrowserWindow | null = null;
let shell: DesktopShell | null = null;
let quitting = false;
let language: ShellLanguage | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second launch would fight over the journal and the port: hand over to the first and leave.
  app.quit();
} else {
  app.on('second-instance', () => openWindow());
  app.whenReady().then(start, (err: unknown) => fatal(err));
}

async function start(): Promise<void> {
  const settings = openShellSettings();
  // The OS's languages until the desk's picker chooses one (remembered in the shell's settings).
  const words = new ShellLanguage({ get: () => settings.get('deskLanguage'), set: (lang) => settings.set('deskLanguage', lang) }, app.getPreferredSystemLanguages());
  language = words;
  const dataDir = settings.get('dataDir') ?? join(app.getPath('userData'), 'show-data');
  const firstRun = !existsSync(join(dataDir, 'show', 'journal.jsonl'));
  const options = {
    dataDir,
    demo: firstRun,
    secrets: openSecretVault(dataDir, (message) => console.warn(message)),
    log: (line: string) => console.log(line)
  };
  try {
    studio = await startStudio({ ...options, port: settings.get('port') ?? DEFAULT_PORT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    // Another program has our port: take any free one and remember it for next time.
    studio = await startStudio({ ...options, port: 0 });
  }
  settings.set('port', studio.port);
  registerIpc({ baseUrl: studio.baseUrl, token: studio.token }, new URL(studio.baseUrl).origin, words);
  showWindow(studio, settings, words);
  shell = new DesktopShell({ studio, settings, language: words, window: () => window, openWindow, log: (line) => console.log(line) });
  await shell.start();
}

/** Brings the window back (from the tray, a second launch or the dock), opening it if it was closed. */
function openWindow(): void {
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  } else if (studio && language) {
    showWindow(studio, openShellSettings(), language);
  }
}

function showWindow(running: Studio, settings: Store<ShellSettings>, words: ShellLanguage): void {
  window = openControlWindow({
    controlUrl: running.controlUrl,
    studioOrigin: new URL(running.baseUrl).origin,
    preload,
    version: app.getVersion(),
    title: words.text.t('app.name'),
    settings
  });
  window.on('close', (event) => {
    // During a show the window only hides: the studio, its overlays and hotkeys stay in the tray.
    if (!quitting && shell?.keepRunningOnClose()) {
      event.preventDefault();
      window?.hide();
    }
  });
  window.on('closed', () => (window = null));
}

app.on('web-contents-created', (_event, contents) => {
  // No page, whatever it is, may open windows or embed webviews.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  // macOS: the dock icon brings the window back while the studio keeps running.
  if (studio) openWindow();
});

app.on('before-quit', (event) => {
  if (quitting || !studio) return;
  event.preventDefault();
  // Asked first while something is on air or an OBS is live.
  if (shell && !shell.confirmQuit()) return;
  quitting = true;
  shell?.stop();
  // The journal is flushed and a snapshot written before the process goes.
  studio.close().then(
    () => {
      if (!shell?.installUpdateOnQuit()) app.exit(0);
    },
    (err: unknown) => {
      console.error('Closing the show failed:', err);
      app.exit(1);
    }
  );
});

function fatal(err: unknown): void {
  console.error('Shopcast Studio could not start:', err);
  app.exit(1);
}
