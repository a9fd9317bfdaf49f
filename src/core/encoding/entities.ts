// A Map, not an object: `&constructor;` must not find Object.prototype.constructor.
const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z]+));/g;

/**
 * Replaces the five predefined XML entities and numeric character references. Nothing else is
 * expanded: DTD-declared entities are refused before parsing, so no entity can grow the text.
 */
export function decodeCharacterReferences(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(
    REFERENCE,
    (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return PREDEFINED.get(name) ?? whole;
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}
