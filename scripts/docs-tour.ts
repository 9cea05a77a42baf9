// Writes docs/tour.md from the tour's chapters (see src/tour/tour-doc.ts).
import { writeFileSync } from 'node:fs';
import { tourDoc } from '../src/tour/tour-doc';

writeFileSync(new URL('../docs/tour.md', import.meta.url), tourDoc());
console.log('docs/tour.md written');
