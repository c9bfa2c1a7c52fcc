/** A product picture, lazy, and a neutral tile when there is none. */
export function ProductImage({ src, size = 'small' }: { src: string | null; size?: 'small' | 'large' }) {
  if (!src) return <div className={`thumb thumb-${size} thumb-empty`} aria-hidden />;
  return <img className={`thumb thumb-${size}`} src={src} alt="" loading="lazy" decoding="async" draggable={false} />;
}
