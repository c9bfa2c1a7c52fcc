import { useState } from 'react';

/**
 * A product picture, lazy. Without one, or when it fails to load (a dead shop link), a tidy tile
 * with a bag drawn in it, the same size everywhere, so rows never jump or show a broken image.
 */
export function ProductImage({ src, size = 'small' }: { src: string | null; size?: 'small' | 'large' }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) {
    return (
      <div className={`thumb thumb-${size} thumb-empty`} data-testid="image-placeholder" aria-hidden>
        <svg viewBox="0 0 24 24" width="50%" height="50%" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d="M5 8h14l-1 12H6L5 8z" />
          <path d="M9 8V6a3 3 0 0 1 6 0v2" />
        </svg>
      </div>
    );
  }
  return <img className={`thumb thumb-${size}`} src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(src)} />;
}
