import {
  isStsParameterError,
  parseDurationSeconds,
  type Partition,
  STS_REGIONS,
  stsEndpointUrl,
} from '../../../core/credentials.ts';

export interface RegionChoice {
  /** A region name, or '' for the partition's default endpoint. */
  value: string;
  label: string;
}

/** The partition's default endpoint (global for `aws`), then each regional one. */
export function regionChoices(partition: Partition): RegionChoice[] {
  const host = new URL(stsEndpointUrl(partition)).host;
  const first = partition === 'aws' ? `Global (${host})` : `Default (${host})`;
  return [
    { value: '', label: first },
    ...STS_REGIONS[partition].map((region) => ({ value: region, label: region })),
  ];
}

/** The region setting when it belongs to this partition, else the default endpoint. */
export function initialRegion(partition: Partition, preferred: string | undefined): string {
  return preferred && STS_REGIONS[partition].includes(preferred) ? preferred : '';
}

export const DURATION_HINT = 'Enter whole seconds from 900 (15 min) to 43200 (12 h).';

export type DurationInput = { ok: true; seconds?: number } | { ok: false; message: string };

/** The duration field as typed, checked by the core's rule: empty lets STS choose (3600). */
export function readDuration(text: string): DurationInput {
  if (text.trim() === '') return { ok: true };
  try {
    return { ok: true, seconds: parseDurationSeconds(text) };
  } catch (error) {
    if (!isStsParameterError(error)) throw error;
    return { ok: false, message: DURATION_HINT };
  }
}
