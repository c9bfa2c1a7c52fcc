const KEYS: [string, string][] = [
  ['↓  PageDown  N', 'next item on air'],
  ['↑  PageUp  B', 'previous item'],
  ['Enter', 'pin the selected item'],
  ['1 – 9', 'pin the n-th item'],
  ['Esc', 'take the product off air'],
  ['/', 'search the catalogue'],
  ['?', 'this help']
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard</h2>
        <table className="keys">
          <tbody>
            {KEYS.map(([k, does]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Presentation clickers send PageUp/PageDown: the host can run the rundown from the set.</p>
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
