import Store from 'electron-store';
import type { Rect } from './guards';

export interface ShellSettings {
  windowBounds?: Rect & { maximized?: boolean };
  /** Where the show lives; default `<userData>/show-data`. */
  dataDir?: string;
  /** The last port, so bookmarks, OBS overlay URLs and Stream Deck keys keep working. */
  port?: number;
  /** Global hotkeys the user assigned: action id → Electron accelerator. None until assigned. */
  hotkeys?: Record<string, string>;
  /** The language the desk's picker chose (`pl`), so the tray speaks it from the next launch on. */
  deskLanguage?: string;
}

/** The desktop shell's own settings (window, data dir, port): electron-store, next to Electron's userData. */
export function openShellSettings(): Store<ShellSettings> {
  return new Store<ShellSettings>({
    name: 'shell',
    schema: {
      windowBounds: {
        type: 'object',
        properties: { x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number' }, height: { type: 'number' }, maximized: { type: 'boolean' } },
        required: ['x', 'y', 'width', 'height']
      },
      dataDir: { type: 'string', minLength: 1 },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      hotkeys: { type: 'object', additionalProperties: { type: 'string', maxLength: 60 } },
      deskLanguage: { type: 'string', pattern: '^[a-z]{2,3}$' }
    }
  });
}
