import { useLive } from '../store/live';
import { useEffect, useMemo, useState } from 'react';
import { codeFor, type Graphic, type GraphicKind } from '@shared/graphics-text';
import { pickText } from '@shared/locale-text';
import { baseLanguageOfView } from '@shared/on-air-card';
import { act, NONE } from '../store/studio-store';
import { useMay } from '../lib/roles';
import { useDeskText } from '../i18n/desk-text';
import { formatDuration } from '../lib/format';
import { BuyLinks } from './BuyLinks';

const KINDS: GraphicKind[] = ['announcement', 'coupon', 'lower-third'];

/**
 * The show's graphics list: producers prepare announcements, coupons (a code per market) and lower
 * thirds; producers and moderators show them (for a set time or until hidden) and hide them live.
 */
export function GraphicsPanel() {
  const { t } = useDeskText();
  const show = useLive((s) => s.show);
  const graphics = useLive((s) => s.show?.graphics ?? NONE);
  const offset = useLive((s) => s.clockOffset);
  const mayShow = useMay('graphics.show');
  const mayCreate = useMay('graphics.create');
  const mayDelete = useMay('graphics.delete');
  const [seconds, setSeconds] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const timed = graphics.some((g) => g.visible && g.hidesAt !== null);
  useEffect(() => {
    if (!timed) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [timed]);
  if (!show) return null;
  const base = baseLanguageOfView(show);
  const showFor = (g: Graphic) => {
    const s = Number(seconds);
    void act((c) => c.post(`/api/v1/graphics/${encodeURIComponent(g.id)}/show`, seconds && Number.isInteger(s) && s > 0 ? { seconds: s } : {}));
  };
  return (
    <section className="panel graphics-panel" aria-label={t('graphics.title')} data-testid="graphics-panel">
      <div className="panel-head">
        <h2>{t('graphics.title')}</h2>
        {mayShow && (
          <label className="graphics-seconds" title={t('graphics.secondsHint')}>
            {t('graphics.seconds')}{' '}
            <input type="number" min={1} max={86400} value={seconds} placeholder={t('graphics.untilHidden')} data-testid="graphics-seconds" onChange={(e) => setSeconds(e.target.value)} />
          </label>
        )}
      </div>
      {graphics.length === 0 && <p className="muted">{t('graphics.none')}</p>}
      <ul className="graphics-list" data-testid="graphics-list">
        {graphics.map((g) => (
          <li key={g.id} className={g.visible ? 'graphic-row on-air' : 'graphic-row'} data-testid="graphic-row" data-graphic-id={g.id}>
            <span className="badge">{t(`graphics.kind.${g.kind}`)}</span> <strong>{pickText(g.text, base, [base]).text}</strong>
            {g.kind === 'coupon' && (
              <span className="graphic-codes" data-testid="graphic-codes">
                {show.locales.map(({ locale }) => (
                  <span key={locale} className={codeFor(g.code, locale) ? 'mono' : 'mono warn'}>
                    {locale} {codeFor(g.code, locale) || '—'}
                  </span>
                ))}
              </span>
            )}
            <span className="graphic-actions">
              {g.visible && <span className="badge live">{g.hidesAt !== null ? t('graphics.hidesIn', { time: formatDuration(g.hidesAt - now - offset) }) : t('graphics.onAir')}</span>}
              {mayShow && !g.visible && <button onClick={() => showFor(g)}>{t('graphics.show')}</button>}
              {mayShow && g.visible && <button onClick={() => void act((c) => c.post(`/api/v1/graphics/${encodeURIComponent(g.id)}/hide`))}>{t('graphics.hide')}</button>}
              {mayDelete && (
                <button className="ghost" onClick={() => void act((c) => c.delete(`/api/v1/graphics/${encodeURIComponent(g.id)}`))}>
                  {t('graphics.delete')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {mayCreate && <NewGraphic />}
      <BuyLinks />
    </section>
  );
}

/** A new graphic: its words in each of the show's languages, and for a coupon a code per market. */
function NewGraphic() {
  const { t } = useDeskText();
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const languages = useMemo(() => [...new Set(locales.map((l) => l.locale.split('-')[0]))], [locales]);
  const [kind, setKind] = useState<GraphicKind>('announcement');
  const [text, setText] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<Record<string, string>>({});
  const [code, setCode] = useState<Record<string, string>>({});
  const filled = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v.trim() !== ''));
  const add = async () => {
    const body = { kind, text: filled(text), ...(kind === 'coupon' && { code: filled(code) }), ...(kind === 'lower-third' && { detail: filled(detail) }) };
    if (await act((c) => c.post('/api/v1/graphics', body))) {
      setText({});
      setDetail({});
      setCode({});
    }
  };
  return (
    <details className="new-graphic">
      <summary>{t('graphics.new')}</summary>
      <label>
        {t('graphics.kindLabel')}{' '}
        <select value={kind} data-testid="graphic-kind" onChange={(e) => setKind(e.target.value as GraphicKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`graphics.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {languages.map((lang) => (
        <label key={`text-${lang}`}>
          {t(kind === 'lower-third' ? 'graphics.nameIn' : 'graphics.textIn', { lang })}{' '}
          <input value={text[lang] ?? ''} maxLength={300} data-testid={`graphic-text-${lang}`} onChange={(e) => setText({ ...text, [lang]: e.target.value })} />
        </label>
      ))}
      {kind === 'lower-third' &&
        languages.map((lang) => (
          <label key={`detail-${lang}`}>
            {t('graphics.detailIn', { lang })} <input value={detail[lang] ?? ''} maxLength={300} onChange={(e) => setDetail({ ...detail, [lang]: e.target.value })} />
          </label>
        ))}
      {kind === 'coupon' &&
        locales.map(({ locale }) => (
          <label key={`code-${locale}`}>
            {t('graphics.codeFor', { locale })}{' '}
            <input className="mono" value={code[locale] ?? ''} maxLength={40} data-testid={`graphic-code-${locale}`} onChange={(e) => setCode({ ...code, [locale]: e.target.value.replace(/\s/g, '') })} />
          </label>
        ))}
      <button className="primary" data-testid="graphic-add" disabled={!Object.values(text).some((v) => v.trim())} onClick={() => void add()}>
        {t('graphics.create')}
      </button>
    </details>
  );
}
