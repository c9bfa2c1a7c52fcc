import { useEffect, useState, type KeyboardEvent } from 'react';
import type { DesktopHotkey, HotkeyAssignment } from '../../../preload/api';
import { useDeskText } from '../i18n/desk-text';

/** Every word this panel shows, by key in the desk dictionaries. */
const TEXT = {
  open: 'hotkeys.open',
  title: 'hotkeys.title',
  intro: 'hotkeys.intro',
  set: 'hotkeys.set',
  listening: 'hotkeys.listening',
  clear: 'hotkeys.clear',
  close: 'common.close'
} as const;

/** Keys the browser names differently from Electron's accelerators. */
const CODE_NAMES: Record<string, string> = {
  ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Space: 'Space', Enter: 'Enter', Tab: 'Tab',
  Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert', Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';', Quote: "'", Comma: ',', Period: '.', Slash: '/', Backquote: '`',
  MediaTrackNext: 'MediaNextTrack', MediaTrackPrevious: 'MediaPreviousTrack', MediaPlayPause: 'MediaPlayPause', MediaStop: 'MediaStop'
};

/** The pressed combination as an Electron accelerator, or null while only modifiers are down. */
function acceleratorOf(e: KeyboardEvent): string | null {
  const code = e.code;
  let key: string | undefined;
  if (/^Key[A-Z]$/.test(code)) key = code.slice(3);
  else if (/^Digit\d$/.test(code)) key = code.slice(5);
  else if (/^Numpad\d$/.test(code)) key = `num${code.slice(6)}`;
  else if (/^F\d{1,2}$/.test(code)) key = code;
  else key = Object.hasOwn(CODE_NAMES, code) ? CODE_NAMES[code] : undefined;
  if (!key) return null;
  const mods = [e.ctrlKey && 'Control', e.metaKey && 'Command', e.altKey && 'Alt', e.shiftKey && 'Shift'].filter((m): m is string => !!m);
  return [...mods, key].join('+');
}

function actionLabel(t: (key: string, o?: Record<string, unknown>) => string, action: string): string {
  const pin = /^pin(\d)$/.exec(action);
  return pin ? t('hotkeys.action.pin', { n: pin[1] }) : t(`hotkeys.action.${action}`);
}

/**
 * The desktop app's global hotkeys: each action, its key and whether the system gave it to us.
 * Only in the desktop app (a browser cannot hold keys for other apps).
 */
export function HotkeysPanel({ onClose }: { onClose: () => void }) {
  const { t } = useDeskText();
  const desktop = window.shopcastDesktop;
  const [hotkeys, setHotkeys] = useState<DesktopHotkey[]>([]);
  const [listening, setListening] = useState<string | null>(null);
  const [error, setError] = useState<HotkeyAssignment['error']>(null);

  useEffect(() => {
    void desktop?.hotkeys().then(setHotkeys);
  }, [desktop]);

  const assign = async (action: string, accelerator: string | null) => {
    if (!desktop) return;
    const answer = await desktop.assignHotkey(action, accelerator);
    setHotkeys(answer.views);
    setError(answer.error);
    setListening(null);
  };

  const onKeyDown = (e: KeyboardEvent, action: string) => {
    if (listening !== action) return;
    e.preventDefault();
    if (e.key === 'Escape' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) return setListening(null);
    const accelerator = acceleratorOf(e);
    if (accelerator) void assign(action, accelerator);
  };

  return (
    <aside className="settings-drawer" role="dialog" aria-label={t(TEXT.title)} data-testid="hotkeys-panel">
      <div className="panel-head">
        <h2>{t(TEXT.title)}</h2>
        <button data-testid="hotkeys-close" onClick={onClose}>
          {t(TEXT.close)}
        </button>
      </div>
      <div className="settings-body">
        <p className="hint">{t(TEXT.intro)}</p>
        {error && (
          <p className="error" role="alert" data-testid="hotkeys-error">
            {t(`hotkeys.error.${error}`)}
          </p>
        )}
        <table className="hotkeys">
          <tbody>
            {hotkeys.map((h) => (
              <tr key={h.action} data-testid={`hotkey-${h.action}`} data-state={h.state}>
                <th scope="row">{actionLabel(t, h.action)}</th>
                <td>
                  {h.state === 'unavailable' ? (
                    <span className="hint">{t(`hotkeys.needs.${h.needs ?? 'planned-rundown'}`)}</span>
                  ) : (
                    <>
                      <kbd data-verbatim>{h.accelerator ?? ''}</kbd> <span className={`hotkey-state hotkey-${h.state}`}>{t(`hotkeys.state.${h.state}`)}</span>
                    </>
                  )}
                </td>
                <td>
                  {h.state !== 'unavailable' && (
                    <>
                      <button onClick={() => setListening(h.action)} onKeyDown={(e) => onKeyDown(e, h.action)} aria-pressed={listening === h.action}>
                        {listening === h.action ? t(TEXT.listening) : t(TEXT.set)}
                      </button>{' '}
                      {h.accelerator && <button onClick={() => void assign(h.action, null)}>{t(TEXT.clear)}</button>}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </aside>
  );
}

/** The header's button for the panel: only in the desktop app, whose preload offers hotkeys. */
export function HotkeysButton() {
  const { t } = useDeskText();
  const [open, setOpen] = useState(false);
  if (!window.shopcastDesktop?.hotkeys) return null;
  return (
    <>
      <button data-testid="hotkeys-open" onClick={() => setOpen(true)}>
        {t(TEXT.open)}
      </button>
      {open && <HotkeysPanel onClose={() => setOpen(false)} />}
    </>
  );
}
