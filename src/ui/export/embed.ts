/** Embed mode (`?embed=1`): only the picture and the playback controls, for slides and iframes. */
export function isEmbedMode(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}
