import { type SourceId, tourSources } from '../../tour/sources';

/** The sources a chapter rests on: kernel functions with file and version, thread posts with author, date, link. */
export function Citations({ cites }: { cites: readonly SourceId[] }) {
  return (
    <ul className="tour-sources" aria-label="Sources">
      {cites.map((id) => {
        const source = tourSources[id];
        return (
          <li key={id}>
            {source.kind === 'kernel' ? (
              <>
                <code>{source.fn}</code> ({source.file}, {source.version})
              </>
            ) : (
              <>
                {source.who}, {source.date}:{' '}
                <a href={source.url} target="_blank" rel="noreferrer">
                  {source.title}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
