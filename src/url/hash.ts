/** FNV-1a over UTF-16 code units, as `width` base-36 digits: a short checksum, not a security measure. */
export function shortHash(text: string, width: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** width).toString(36).padStart(width, '0');
}
