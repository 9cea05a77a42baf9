/**
 * `href` (a run link's query and fragment) with `name=value` appended to its query: the parameters kept outside the
 * run's checksum (`embed`, `tour`) are added this way, so a link without them decodes as before.
 */
export function withExtraParam(href: string, name: string, value: string): string {
  const cut = href.indexOf('#');
  const query = cut < 0 ? href : href.slice(0, cut);
  const fragment = cut < 0 ? '' : href.slice(cut);
  return `${query}${query.includes('?') ? '&' : '?'}${name}=${value}${fragment}`;
}
