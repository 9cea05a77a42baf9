/** Embed mode (`?embed=1`): only the picture and the playback controls, for slides and iframes. */
export function isEmbedMode(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

/** `href` (a run link's query and fragment) still in embed mode when `embed` is true; unchanged otherwise. */
export function withEmbed(href: string, embed: boolean): string {
  if (!embed) return href;
  const cut = href.indexOf('#');
  const query = cut < 0 ? href : href.slice(0, cut);
  const fragment = cut < 0 ? '' : href.slice(cut);
  return `${query}${query.includes('?') ? '&' : '?'}embed=1${fragment}`;
}
