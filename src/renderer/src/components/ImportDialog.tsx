import { useRef, useState } from 'react';
import type { ImportResult } from '@shared/view';
import type { Reason } from '@shared/reason';
import { useStudio } from '../store/studio-store';
import { useDeskText } from '../i18n/desk-text';
import { ReasonText } from './ReasonText';
import { ApiFailure } from '../api/client';

/** Catalogue import from a spreadsheet (CSV) or JSON, with every rejected row listed. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useDeskText();
  const client = useStudio((s) => s.client);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ message: string; reason: Reason | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (name: string, text: string) => {
    if (!client) return;
    const kind = name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await client.importCatalogue<ImportResult>(text, kind));
    } catch (err) {
      // A file refused whole comes with a reason the desk words (an empty CSV, a header without id).
      setError({ message: (err as Error).message, reason: err instanceof ApiFailure ? err.reason : null });
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    const desktop = window.shopcastDesktop;
    if (!desktop) return input.current?.click();
    try {
      const file = await desktop.openImportFile();
      if (file) await upload(file.name, file.text);
    } catch (err) {
      setError({ message: (err as Error).message, reason: null });
    }
  };

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal wide" role="dialog" aria-label={t('import.title')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('import.title')}</h2>
        <p className="muted">
          {t('import.help')} <code>id,title:en,title:pl,price:EUR,price:PLN,stock,image</code>
        </p>
        <input
          ref={input}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          data-testid="import-file"
          hidden
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) await upload(file.name, await file.text());
            e.target.value = '';
          }}
        />
        <div className="modal-actions">
          <button className="primary" onClick={() => void choose()} disabled={busy}>
            {busy ? t('import.busy') : t('import.choose')}
          </button>
          <button onClick={onClose}>{t('common.close')}</button>
        </div>
        {error && (
          <p className="warn" data-testid="import-error">
            <ReasonText why={error.reason} english={error.message} />
          </p>
        )}
        {result && (
          <div data-testid="import-result" className="import-result">
            <p>
              {t('import.imported', { count: result.imported })}
              {result.rejected.length > 0 && (
                <>
                  {t('import.listSeparator')}
                  <strong className="warn">{t('import.rejected', { count: result.rejected.length })}</strong>
                </>
              )}
            </p>
            {result.rejected.length > 0 && (
              <table className="rejected">
                <thead>
                  <tr>
                    <th>{t('import.row')}</th>
                    <th>{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r) => (
                    <tr key={r.row} data-testid="rejected-row">
                      <td className="mono">{r.row}</td>
                      <td>
                        {/* Every problem of the row, not only the first, each worded from its code. */}
                        <ul className="row-problems">
                          {rowProblems(r).map((p, i) => (
                            <li key={i} data-testid="row-problem">
                              <ReasonText why={p.why} english={p.english} />
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** A rejected row's problems: the codes (the studio lists them in the order of its "; "-joined English). */
function rowProblems(r: ImportResult['rejected'][number]): { why: Reason | null; english: string }[] {
  const english = r.message.split('; ');
  // A studio older than the codes sends only the English: shown as it came.
  if (!Array.isArray(r.problems) || r.problems.length === 0) return english.map((m) => ({ why: null, english: m }));
  return r.problems.map((why, i) => ({ why, english: english[i] ?? r.message }));
}
