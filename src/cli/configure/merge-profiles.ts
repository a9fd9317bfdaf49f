/** The line under each section `configure` writes: how it knows its own sections again. */
export const MANAGED_MARKER =
  '# managed by saml-roles configure: rewritten on each run (copy it under another name to edit it)';

export interface ManagedProfile {
  /** The profile name, as in `[profile NAME]`. */
  name: string;
  /** The section's settings, one `key = value` line each. */
  settings: string[];
}

export interface MergeResult {
  text: string;
  /** Profiles not written because a section of that name is the user's own. */
  skipped: string[];
}

const HEADER = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[#;].*)?\r?$/;

interface Section {
  /** Index of the header line; -1 for the lines before the first header. */
  start: number;
  /** One past the last line. */
  end: number;
  header?: string;
  managed: boolean;
}

function sectionsOf(lines: string[]): Section[] {
  const sections: Section[] = [{ start: -1, end: 0, managed: false }];
  lines.forEach((line, index) => {
    const match = HEADER.exec(line);
    if (!match) return;
    sections.at(-1)!.end = index;
    sections.push({
      start: index,
      end: lines.length,
      header: match[1]!,
      managed: lines[index + 1]?.replace(/\r$/, '') === MANAGED_MARKER,
    });
  });
  if (sections.length === 1) sections[0]!.end = lines.length;
  return sections;
}

const headerFor = (name: string) => (name === 'default' ? 'default' : `profile ${name}`);

function render(profile: ManagedProfile): string[] {
  return [`[${headerFor(profile.name)}]`, MANAGED_MARKER, ...profile.settings];
}

/**
 * Merges profiles into an AWS config file's text. A section this function wrote before (its
 * marker line follows the header) is rewritten in place; any other section, comment or line is
 * kept byte for byte, and a profile whose name the user already uses is skipped, not clobbered.
 * New profiles go at the end. Merging the same profiles again gives the same text. Linear.
 */
export function mergeProfiles(existing: string, profiles: readonly ManagedProfile[]): MergeResult {
  const lines = existing === '' ? [] : existing.split('\n');
  // A final newline splits into a last empty line: kept aside, restored at the end.
  const endsWithNewline = existing.endsWith('\n');
  if (endsWithNewline) lines.pop();
  const sections = sectionsOf(lines);
  const byHeader = new Map<string, Section>();
  for (const section of sections)
    if (section.header !== undefined && !byHeader.has(section.header))
      byHeader.set(section.header, section);
  const replacements = new Map<Section, string[]>();
  const appended: string[][] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const profile of profiles) {
    const header = headerFor(profile.name);
    if (seen.has(header)) continue;
    seen.add(header);
    const section = byHeader.get(header);
    if (!section) appended.push(render(profile));
    else if (section.managed) replacements.set(section, render(profile));
    else skipped.push(profile.name);
  }
  const out: string[] = [];
  for (const section of sections) {
    const own = lines.slice(Math.max(section.start, 0), section.end);
    const replacement = replacements.get(section);
    if (!replacement) {
      out.push(...own);
      continue;
    }
    // Blank lines after the section separate it from the next: they stay.
    let trailing = own.length;
    while (trailing > 0 && own[trailing - 1]!.trim() === '') trailing -= 1;
    out.push(...replacement, ...own.slice(trailing));
  }
  for (const block of appended) {
    if (out.length > 0 && out.at(-1)!.trim() !== '') out.push('');
    out.push(...block);
  }
  if (out.length === 0) return { text: '', skipped };
  const newline = endsWithNewline || appended.length > 0 ? '\n' : '';
  return { text: `${out.join('\n')}${newline}`, skipped };
}
