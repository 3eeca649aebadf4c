// Colours of the zone families and layers, shared by the map and its legend (the legend is text,
// the colours only repeat it).
export const FAMILY_COLOURS: Readonly<Record<string, string>> = {
  immeubles: '#e07b39',
  villas: '#f2d15c',
  habitat_economique: '#d9a441',
  habitat_traditionnel: '#a0612a',
  industrial: '#8e6bbf',
  tourism: '#3fa7bd',
  equipment: '#3b7dd8',
  green: '#3aa35b',
  agricultural: '#b8d98b',
  other: '#9aa0a6',
};

export const LAYER_COLOURS = {
  servitudes: '#c1272d',
  reservations: '#1a4e8c',
  roads: '#4c565b',
  alignments: '#d4d6d8',
  highlight: '#1d1d1b',
  draft: '#c1272d',
  plan: '#006233',
} as const;

/** The tag colour of a plan's state. */
export const STATE_TONE: Readonly<Record<string, 'green' | 'amber' | 'red'>> = {
  in_force: 'green',
  public_enquiry: 'amber',
  expired: 'red',
};
