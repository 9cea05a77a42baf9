import { boundLine } from '../core/excerpt';
import { type DoorAnswer, type DoorCheck, openUntrustedJson } from '../core/guard/door';
import { MAX_SCENARIO_FILE_BYTES } from '../core/guard/limits';

/**
 * Reads a file a person chose or dropped through the one door: its size is checked before a byte is read, its bytes
 * must be UTF-8, then `openUntrustedJson` parses it under the caps and runs `check`. Never rejects.
 */
export async function readUntrustedFile<T>(
  file: File,
  check: DoorCheck<T>,
  maxBytes = MAX_SCENARIO_FILE_BYTES,
): Promise<DoorAnswer<T>> {
  if (file.size > maxBytes) return { ok: false, message: `The file is ${file.size} bytes; at most ${maxBytes}.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text.' };
  }
  const answer = openUntrustedJson(text, check);
  return answer.ok ? answer : { ok: false, message: boundLine(`The file was refused: ${answer.message}`) };
}
