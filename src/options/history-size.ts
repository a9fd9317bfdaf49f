import { HISTORY_SIZE } from '../shared/history-settings.ts';

/** What is wrong with a typed size, or undefined when it is one the history takes. */
export function historySizeProblem(text: string): string | undefined {
  const size = Number(text.trim());
  return /^\d+$/.test(text.trim()) && size >= HISTORY_SIZE.min && size <= HISTORY_SIZE.max
    ? undefined
    : `The history keeps ${HISTORY_SIZE.min} to ${HISTORY_SIZE.max} captures; "${text}" is not a whole number in that range.`;
}
