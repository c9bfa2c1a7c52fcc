import { useEffect, useRef, useState } from 'react';
import { NONE, useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { useDeskText } from '../i18n/desk-text';

interface OverlayList {
  token: string;
  overlays: { name: string; locale: string; landscape: string; vertical: string }[];
}

/** The on-air overlays per audience, live, as OBS will show them; and their URLs for OBS. */
export function PreviewPanel() {
  const { t } = useDeskText();
  const client = useStudio((s) => s.client);
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const [list, setList] = useState<OverlayList | null>(null);
  const [locale, setLocale] = useState<string | null>(null);
  const [format, setFormat] = useState<'landscape' | 'vertical'>('landscape');
  const localeKey = locales.map((l) => l.locale).join();
  const frame = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.2);
  const canvasWidth = format === 'landscape' ? 1920 : 1080;

  // The overlay is laid out at broadcast size and scaled to the panel's width.
  useEffect(() => {
    const node = frame.current;
    if (!node) return;
    const observer = new ResizeObserver(() => setScale(node.clientWidth / canvasWidth));
    observer.observe(node);
    return () => observer.disconnect();
  }, [canvasWidth, list]);

  useEffect(() => {
    if (client) void client.get<OverlayList>('/api/v1/overlays').then(setList, () => setList(null));
  }, [client, localeKey]);

  const chosen = locale && locales.some((l) => l.locale === locale) ? locale : locales[0]?.locale;
  const layout = list?.overlays.find((o) => o.name === 'layout' && o.locale === chosen);
  const path = layout ? layout[format] : null;
  const copy = () => path && void navigator.clipboard?.writeText(new URL(path, window.location.origin).href);
  return (
    <section className="panel preview" aria-label={t('preview.label')}>
      <div className="panel-head">
        <h2>{t('preview.title')}</h2>
        <div className="preview-controls">
          <select aria-label={t('preview.audience')} data-testid="preview-locale" value={chosen ?? ''} onChange={(e) => setLocale(e.target.value)}>
            {locales.map((l) => (
              <option key={l.locale}>{l.locale}</option>
            ))}
          </select>
          <select aria-label={t('preview.format')} value={format} onChange={(e) => setFormat(e.target.value as 'landscape' | 'vertical')}>
            <option value="landscape">16:9</option>
            <option value="vertical">9:16</option>
          </select>
          <button onClick={copy} title={t('preview.copyHint')} disabled={!path}>
            {t('preview.copy')}
          </button>
        </div>
      </div>
      {path && (
        <div className={`preview-frame ${format}`} ref={frame}>
          <iframe title={t('preview.frame', { locale: chosen })} src={path} data-testid="preview-frame" sandbox="allow-scripts allow-same-origin" style={{ transform: `scale(${scale})` }} />
        </div>
      )}
    </section>
  );
}
