import { act } from '../../store/studio-store';
import { operatorLocale, useDeskText } from '../../i18n/desk-text';

/**
 * The post-show report. The API wants the token in a header, which a link cannot carry: the file is
 * fetched, then opened (or saved) from a blob URL.
 */
export function ReportButtons() {
  const { t } = useDeskText();
  return (
    <div className="report-buttons">
      <button data-testid="report-print" onClick={() => void openReport('html')} title={t('sales.reportHint')}>
        {t('sales.report')}
      </button>
      <button data-testid="report-csv" onClick={() => void openReport('csv')} title={t('sales.csvHint')}>
        {t('sales.csv')}
      </button>
    </div>
  );
}

async function openReport(kind: 'html' | 'csv'): Promise<void> {
  // The printed report speaks the desk's language (and its locale's numbers and times), not the browser's.
  const query = kind === 'html' ? `?lang=${encodeURIComponent(operatorLocale())}` : '';
  const blob = await act((c) => c.file(`/api/v1/sales/report.${kind}${query}`));
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  // Where a new window is refused (a popup blocker, the desktop shell), the report is saved instead.
  const opened = kind === 'html' ? window.open(url, '_blank') : null;
  if (opened) opened.opener = null;
  else save(url, `sales-report-${new Date().toISOString().slice(0, 10)}.${kind}`);
  // Long enough for the new window to load it or the download to start.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function save(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
