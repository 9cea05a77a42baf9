import { withExtraParam } from '../../url/extra-param';

/** Embed mode (`?embed=1`): only the picture and the playback controls, for slides and iframes. */
export function isEmbedMode(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

/** `href` (a run link's query and fragment) still in embed mode when `embed` is true; unchanged otherwise. */
export function withEmbed(href: string, embed: boolean): string {
  return embed ? withExtraParam(href, 'embed', '1') : href;
}

/** `&narration=1` (outside the checksum, like `embed`): the embedded picture also shows what the step did. */
export function showsNarration(search: string): boolean {
  return new URLSearchParams(search).get('narration') === '1';
}
