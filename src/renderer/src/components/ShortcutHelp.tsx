import { useDeskText } from '../i18n/desk-text';

/** The keys are the same in every language; what they do is the dictionary's. */
const KEYS: [string, string][] = [
  ['↓  PageDown  N', 'keys.next'],
  ['↑  PageUp  B', 'keys.previous'],
  ['Enter', 'keys.pinSelected'],
  ['1 – 9', 'keys.pinNth'],
  ['Esc', 'keys.offAir'],
  ['H', 'keys.hold'],
  ['/', 'keys.search'],
  ['?', 'keys.help']
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useDeskText();
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-label={t('keys.dialog')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('keys.title')}</h2>
        <table className="keys">
          <tbody>
            {KEYS.map(([k, does]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{t(does)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t('keys.clicker')}</p>
        <button onClick={onClose}>{t('common.close')}</button>
      </div>
    </div>
  );
}
