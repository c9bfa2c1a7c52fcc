import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, globalShortcut, ipcMain, Menu, nativeImage, Notification, Tray, type IpcMainInvokeEvent } from 'electron';
import type Store from 'electron-store';
import type { Studio } from '../studio';
import { pressHotkey, type HotkeyActionId } from './hotkey-actions';
import { HotkeyInputError, HotkeyRegistry, type HotkeyBindings, type HotkeyView } from './hotkey-registry';
import { isShowRunning, summarizeOnAir, type OnAirSummary } from './on-air-summary';
import { trayModel, type TrayCommand } from './tray-model';
import { CloseToTray, quitQuestion } from './quit-guard';
import { UpdateGate, updateFeedFrom, type UpdaterPort } from './update-gate';
import { newNotices, NotificationThrottle, type NoticeHealth } from './notify-throttle';
import { isStudioUrl } from './guards';
import type { ShellSettings } from './shell-settings';
import type { ShellLanguage } from './shell-text';

export interface DesktopShellOptions {
  studio: Studio;
  settings: Store<ShellSettings>;
  /** The shell's language: the OS's, or the one the desk's picker chose. */
  language: ShellLanguage;
  /** The window now, if one is open. */
  window: () => BrowserWindow | null;
  openWindow: () => void;
  log: (line: string) => void;
}

/**
 * Everything the desktop app adds around the studio: global hotkeys, the tray, native notices
 * while the window is hidden, the quit guard and auto-update. The decisions live in the tested
 * modules beside this one; here they are only connected to Electron.
 */
export class DesktopShell {
  readonly hotkeys: HotkeyRegistry;
  private tray: Tray | null = null;
  private trayShown = '';
  private timer: NodeJS.Timeout | null = null;
  private readonly closeToTray = new CloseToTray();
  private readonly throttle = new NotificationThrottle();
  private health: NoticeHealth;
  private updates: UpdateGate = new UpdateGate(null, null, () => {});
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly o: DesktopShellOptions) {
    this.hotkeys = new HotkeyRegistry(globalShortcut, (action) => this.press(action));
    this.health = this.readHealth();
  }

  async start(): Promise<void> {
    this.hotkeys.apply((this.o.settings.get('hotkeys') ?? {}) as HotkeyBindings);
    this.registerIpc();
    this.startTray();
    const { studio } = this.o;
    this.unsubscribe.push(this.o.language.subscribe(() => this.refresh()), studio.core.subscribe(() => this.refresh()), studio.obs.subscribe(() => this.refresh()), studio.marketplace.subscribe(() => this.refresh()));
    // The time in slot and the disk's state change without an event: looked at every second.
    this.timer = setInterval(() => this.refresh(), 1000);
    await this.startUpdates();
  }

  summary(): OnAirSummary {
    return summarizeOnAir(this.o.studio.core.current, this.o.studio.obs.views());
  }

  /** Window closing: true when the studio stays in the tray instead (the caller prevents the close). */
  keepRunningOnClose(): boolean {
    const { keepRunning, tell } = this.closeToTray.onClose(this.summary(), this.tray !== null);
    const { t } = this.o.language.text;
    if (tell) this.notify(t('tray.stillRunningTitle'), t('tray.stillRunningBody'));
    return keepRunning;
  }

  /** Quit requested: false when the operator chose to stay (asked only during a show). */
  confirmQuit(): boolean {
    const question = quitQuestion(this.summary(), this.o.language.text);
    if (!question) return true;
    const win = this.o.window();
    const options = { type: 'warning' as const, buttons: question.buttons, defaultId: 0, cancelId: 0, message: question.message, detail: question.detail };
    return (win ? dialog.showMessageBoxSync(win, options) : dialog.showMessageBoxSync(options)) === 1;
  }

  /** At quit, after the show is closed: installs a waiting update if nothing was on air. */
  installUpdateOnQuit(): boolean {
    return this.updates.installOnQuit(isShowRunning(this.summary()));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const off of this.unsubscribe.splice(0)) off();
    this.hotkeys.releaseAll();
    this.tray?.destroy();
    this.tray = null;
  }

  private press(action: HotkeyActionId): void {
    pressHotkey(this.o.studio.core, action).catch((err: unknown) => this.o.log(`Hotkey ${action}: ${(err as Error).message}`));
  }

  private registerIpc(): void {
    const origin = new URL(this.o.studio.baseUrl).origin;
    const fromStudio = (event: IpcMainInvokeEvent) => {
      if (!isStudioUrl(event.senderFrame?.url, origin)) throw new Error('refused: the caller is not the studio page');
    };
    // The desk's language picker: the tray, dialogs and notices follow it from now on, and next launch.
    ipcMain.handle('shopcast:desk-language', (event, lang: unknown): boolean => {
      fromStudio(event);
      return this.o.language.choose(lang);
    });
    ipcMain.handle('shopcast:hotkeys', (event): HotkeyView[] => {
      fromStudio(event);
      return this.hotkeys.views();
    });
    ipcMain.handle('shopcast:assign-hotkey', (event, action: unknown, accelerator: unknown): { views: HotkeyView[]; error: string | null } => {
      fromStudio(event);
      if (typeof action !== 'string' || (accelerator !== null && typeof accelerator !== 'string')) return { views: this.hotkeys.views(), error: 'invalid_key' };
      try {
        this.o.settings.set('hotkeys', this.hotkeys.assign(action, accelerator));
        return { views: this.hotkeys.views(), error: null };
      } catch (err) {
        if (err instanceof HotkeyInputError) return { views: this.hotkeys.views(), error: err.code };
        throw err;
      }
    });
  }

  private startTray(): void {
    const icon = join(iconDir(), 'tray.png');
    try {
      this.tray = new Tray(nativeImage.createFromPath(icon));
    } catch (err) {
      // Some Linux desktops have no tray: the app then quits with its window, as before.
      this.o.log(`No system tray here (${(err as Error).message}); closing the window quits the studio.`);
      return;
    }
    this.tray.on('click', () => this.o.openWindow());
    this.refresh();
  }

  private refresh(): void {
    const summary = this.summary();
    const text = this.o.language.text;
    const model = trayModel(summary, Date.now(), this.o.studio.core.current.rundown.length > 0, text);
    const shown = JSON.stringify(model);
    // Rebuilt only when a word changes: a menu replaced every second closes under the pointer on some desktops.
    if (this.tray && shown !== this.trayShown) {
      this.trayShown = shown;
      this.tray.setToolTip(model.tooltip);
      this.tray.setContextMenu(
        Menu.buildFromTemplate(
          model.entries.map((e) =>
            e.kind === 'separator' ? { type: 'separator' as const } : e.kind === 'label' ? { label: e.label, enabled: false } : { label: e.label, enabled: e.enabled, click: () => this.trayCommand(e.command) }
          )
        )
      );
    }
    const health = this.readHealth();
    for (const notice of newNotices(this.health, health, text)) if (this.throttle.allow(notice.kind, !this.windowVisible())) this.notify(text.t('notice.title'), notice.body);
    this.health = health;
  }

  private trayCommand(command: TrayCommand): void {
    if (command === 'open') return this.o.openWindow();
    if (command === 'quit') return app.quit();
    this.press(command);
  }

  private readHealth(): NoticeHealth {
    const { studio } = this.o;
    const status = studio.marketplace.view().status;
    return {
      obs: new Map(studio.obs.views().map((v) => [v.name, v.status === 'identified' || v.status === 'degraded'])),
      marketplaceFailing: status === 'failed' || status === 'backing_off',
      diskWritable: studio.core.journalStatus().writable
    };
  }

  private windowVisible(): boolean {
    const win = this.o.window();
    return !!win && !win.isDestroyed() && win.isVisible() && !win.isMinimized();
  }

  private notify(title: string, body: string): void {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  }

  private async startUpdates(): Promise<void> {
    const feed = updateFeedFrom(process.env, app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml')));
    if (!feed) return;
    // Loaded only with a feed: without one the updater is never even imported.
    const { default: updater } = await import('electron-updater');
    this.updates = new UpdateGate(feed, updater.autoUpdater as unknown as UpdaterPort, this.o.log);
    this.updates.start((version) => {
      const { t } = this.o.language.text;
      this.notify(t('update.title'), t('update.body', { version }));
    });
  }
}

/** The tray icons: beside app.asar when installed, in the project otherwise. */
function iconDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'icons') : join(app.getAppPath(), 'resources', 'icons');
}
