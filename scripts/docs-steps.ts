// Writes docs/steps.md from the compiled programs (see src/core/steps-doc.ts).
import { writeFileSync } from 'node:fs';
import { stepsDoc } from '../src/core/steps-doc';

writeFileSync(new URL('../docs/steps.md', import.meta.url), stepsDoc());
console.log('docs/steps.md written');
