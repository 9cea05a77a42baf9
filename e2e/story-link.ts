import { readFileSync } from 'node:fs';
import { shortHash } from '../src/url/hash';
import { loadScenario } from './schedules';

/** A run link to step `index` of a built-in's story, as the app writes it (docs/links.md). */
export function storyLink(id: string, index: number): string {
  const model = shortHash(JSON.stringify(JSON.parse(readFileSync('src/scenarios/golden.json', 'utf8'))), 4);
  const threads = loadScenario(id).story.join('.');
  const c = shortHash(`${model}|${id}|${threads}|${index}`, 5);
  return `/?v=2&m=${model}&s=${id}&t=${threads}&i=${index}&c=${c}`;
}
