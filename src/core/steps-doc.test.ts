import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stepsDoc } from './steps-doc';

describe('docs/steps.md', () => {
  it('lists exactly the steps the programs have (run `npm run docs:steps` after changing a program)', () => {
    const onDisk = readFileSync(new URL('../../docs/steps.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(stepsDoc());
  });
});
