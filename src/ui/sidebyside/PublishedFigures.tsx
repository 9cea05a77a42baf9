import { tourSources } from '../../tour/sources';
import { gainPercent, publishedFigures } from './published-figures';

const rate = (pair: readonly [number, number] | undefined) =>
  pair ? `${pair[0].toFixed(1)} → ${pair[1].toFixed(1)} (+${gainPercent(pair)}%)` : '—';

/** What the patch authors measured, with their setup and post; kept apart from the model's counters on purpose. */
export default function PublishedFigures() {
  return (
    <section className="sbs-published" aria-label="Published figures">
      <table>
        <caption>
          Published figures: Mpps measured by the patch authors (copy_*_user → kernel address), not computed by this
          model
        </caption>
        <thead>
          <tr>
            <th scope="col">Version and mechanism</th>
            <th scope="col">Mpps, SMAP on / off</th>
            <th scope="col">Setup; as stated</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {publishedFigures.map((figure) => {
            const source = tourSources[figure.source];
            return (
              <tr key={figure.version}>
                <th scope="row">
                  {figure.version}
                  <span className="sbs-published-mechanism">{figure.mechanism}</span>
                </th>
                <td className="sbs-published-rate">
                  on: {rate(figure.smapOn)}
                  <br />
                  off: {rate(figure.smapOff)}
                </td>
                <td>
                  {figure.setup}
                  {figure.stated ? `; ${figure.stated}` : ''}
                </td>
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
