import { chapters } from './chapters';
import type { Prediction } from './predict';
import { type Source, tourSources } from './sources';

function citation(source: Source): string {
  return source.kind === 'kernel'
    ? `\`${source.fn}\` (\`${source.file}\`, ${source.version})`
    : `${source.who}, ${source.date}: [${source.title.replace(/[[\]]/g, '\\$&')}](${source.url})`;
}

function questionText(prediction: Prediction): string {
  if (prediction.kind === 'next-thread')
    return `which thread must run next for the ${prediction.hazard} to stay possible`;
  const what = prediction.kind === 'dirty' ? 'PG_dirty' : 'the refcount';
  return `${what} of ring page ${prediction.ringPage}'s frame after the next step`;
}

/** docs/tour.md: every chapter with its scenario, step, question and sources, from the chapter data itself. */
export function tourDoc(): string {
  const lines = [
    '# The guided tour',
    '',
    'Generated from `src/tour/chapters.ts` and `src/tour/sources.ts` by `npm run docs:tour`; a test keeps it equal.',
    '',
    'Open it with **Guided tour** in the header; **Next chapter** / **Previous chapter** or Page Down / Page Up',
    'move through it (the stepper keeps its own keys). Every chapter is a link: the run link of its scenario, replayed',
    'along the scenario’s story to the chapter’s step, plus `&tour=<chapter id>` (outside the checksum, so links',
    'without it decode as before). Where a chapter asks a question, the answer is computed from the model at that',
    'step (the next state’s refcount or `PG_dirty`, or an exhaustive search from each possible next thread); the',
    'score is kept in `localStorage` under `ringside.tour.answers.v1`, and Skip never blocks.',
    '',
  ];
  chapters.forEach((chapter, i) => {
    lines.push(
      `## ${i + 1}. ${chapter.title}`,
      '',
      `Chapter id \`${chapter.id}\`: scenario \`${chapter.scenarioId}\` at step ${chapter.step}.`,
    );
    if (chapter.predict) lines.push('', `Question: ${questionText(chapter.predict)}.`);
    lines.push('', 'Sources:', '', ...chapter.cites.map((id) => `- ${citation(tourSources[id])}`), '');
  });
  lines.push(
    'Sources come from `shared/reference/kernel-facts.md` (its Corrections first); the narration paraphrases the',
    'thread and never quotes the mail. The Mpps figures the authors published are listed, each with its setup and',
    'post, in the **Published figures** table under **Compare two designs** (`src/ui/sidebyside/published-figures.ts`),',
    'apart from the modelled counters.',
    '',
  );
  return lines.join('\n');
}
