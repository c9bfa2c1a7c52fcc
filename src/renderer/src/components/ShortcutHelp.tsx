import { useDeskText } from '../i18n/desk-text';
import { keyLabelsOf, SHOW_ACTIONS } from '../actions/show-actions';

/** Every action with its keys, from the actions registry: the help cannot list a key that does something else. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useDeskText();
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-label={t('keys.dialog')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('keys.title')}</h2>
        <table className="keys">
          <tbody>
            {SHOW_ACTIONS.map((action) => (
              <tr key={action.id}>
                <td>
                  <kbd>{keyLabelsOf(action, t).join('  ')}</kbd>
                </td>
                <td>{t(action.label)}</td>
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
