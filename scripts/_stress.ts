import { writeFileSync } from 'node:fs';
import { exportPromela } from '../src/core/spin/promela-export';
import { stress } from './bench/scenarios';

const r = exportPromela(stress, { ringsideVersion: 'x', modelVersion: 'x', link: 'x' });
if (!r.ok) throw new Error(r.error);
writeFileSync('/tmp/spinexp/stress.pml', r.text);
