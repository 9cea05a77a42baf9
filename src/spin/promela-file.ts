import { version } from '../../package.json';
import { exportPromela, type PromelaExport } from '../core/spin/promela-export';
import type { Scenario } from '../core/types';
import { encodeRunLink, linkFor } from '../url/encode';
import { MODEL_VERSION } from '../url/model-version';

/** The address the CLI's links start with (the dev server of `npm start`). */
export const CLI_LINK_BASE = 'http://127.0.0.1:5173/';

/** The share link that opens `schedule` of `scenario` at its last step, `base` being the app's address. */
export function scenarioLink(
  scenario: Scenario,
  schedule: number[],
  catalog: readonly Scenario[],
  base: string,
): string {
  return `${base}${encodeRunLink(linkFor(scenario, schedule, schedule.length, catalog))}`;
}

/** The Promela export with its header filled in: this Ringside's version, the model version, the scenario's link. */
export function promelaFile(scenario: Scenario, catalog: readonly Scenario[], base: string): PromelaExport {
  return exportPromela(scenario, {
    ringsideVersion: version,
    modelVersion: MODEL_VERSION,
    link: scenarioLink(scenario, [], catalog, base),
  });
}
