import { tourSources } from '../../tour/sources';
import { gainPercent, publishedFigures } from './published-figures';

const rate = (pair: readonly [number, number] | undefined) =>
  pair ? `${pair[0].toFixed(1)} → ${pair[1].toFixed(1)} (+${gainPercent(pair)}%)` : '—';

/** What the patch authors measured, with their setup and post; kept apart from the model's counters on purpose. */
export function PublishedFigures() {
  return (
    <section className="sbs-published" aria-label="Published figures">
      <table>
        <caption>
          Published figures: Mpps measured by the patch authors (copy_*_user → kernel address), not computed by this
          model
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Mechanism</th>
            <th scope="col">SMAP on</th>
            <th scope="col">SMAP off</th>
            <th scope="col">As stated</th>
            <th scope="col">Setup</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {publishedFigures.map((figure) => {
            const source = tourSources[figure.source];
            return (
              <tr key={figure.version}>
                <th scope="row">{figure.version}</th>
                <td>{figure.mechanism}</td>
                <td>{rate(figure.smapOn)}</td>
                <td>{rate(figure.smapOff)}</td>
                <td>{figure.stated ?? '—'}</td>
                <td>{figure.setup}</td>
                <td>
                  {source.kind === 'thread' ? (
                    <>
                      {source.who}, {source.date}:{' '}
                      <a href={source.url} target="_blank" rel="noreferrer">
                        {source.title}
                      </a>
                    </>
                  ) : (
                    source.fn
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
