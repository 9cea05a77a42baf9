import { threadPoint } from '../../core';

/** The review-thread point a step illustrates, paraphrased, with a link to the public archive. */
export function ThreadPointNote({ id }: { id: string }) {
  const point = threadPoint(id);
  if (!point) return null;
  return (
    <aside className="thread-point" aria-label="From the 2019 review thread">
      <p>
        <span className="who">
          {point.who}, {point.date}:
        </span>{' '}
        {point.paraphrase}{' '}
        <a href={point.url} target="_blank" rel="noreferrer">
          Read it in the public archive
        </a>
      </p>
    </aside>
  );
}
