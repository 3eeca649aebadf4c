// Zone codes of Moroccan plans grouped into families, for map colours, the legend and the sheet.
// The codes vary between agencies (B4, IM4, D1, VI, E3, HM, I, ZI, EQ, EV, RA…); the family is read
// from the code's letters, and the plan's own category (when the file has one) only breaks ties.

export const ZONE_FAMILIES = [
  'immeubles',
  'villas',
  'habitat_economique',
  'habitat_traditionnel',
  'industrial',
  'tourism',
  'equipment',
  'green',
  'agricultural',
  'other',
] as const;
export type ZoneFamily = (typeof ZONE_FAMILIES)[number];

const CATEGORY_FAMILY: Record<string, ZoneFamily> = {
  mixed: 'immeubles',
  residential: 'villas',
  economic: 'industrial',
  equipment: 'equipment',
  green: 'green',
  agricultural: 'agricultural',
  tourism: 'tourism',
};

/** B4 → immeubles, D1 → villas, E3 → habitat_economique, EQ → equipment, EV → green, RA → agricultural… */
export function zoneFamilyOf(zoneCode: string, category?: string | null): ZoneFamily {
  const letters = zoneCode
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  if (/^EQ/.test(letters)) return 'equipment';
  if (/^(EV|ZV|SV|V|PV|ESPV)$/.test(letters) || /^EV/.test(letters)) return 'green';
  if (/^(RA|NA|ZA|A|AG|ZN|N)$/.test(letters) || /^(RA|NA)/.test(letters)) return 'agricultural';
  if (/^(I|ZI|ZAE|ZAI|AE|IL|II)$/.test(letters) || /^(ZI|ZAE)/.test(letters)) return 'industrial';
  if (/^(T|ZT|ST|ZTO|TO)$/.test(letters)) return 'tourism';
  if (/^(B|IM|IMM|R|RB)$/.test(letters) || /^B/.test(letters)) return 'immeubles';
  if (/^(D|VI|VIL|VL)$/.test(letters) || /^D/.test(letters)) return 'villas';
  if (/^(HM|HT|HA|M|MED|MEDINA|K|KS)$/.test(letters)) return 'habitat_traditionnel';
  if (/^(E|HE|SE)$/.test(letters) || /^E/.test(letters)) return 'habitat_economique';
  return (category && CATEGORY_FAMILY[category]) || 'other';
}
