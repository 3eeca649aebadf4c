import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  equipmentKindOf,
  mapAttributes,
  mapLayerAttributes,
  normaliseName,
  parseFloors,
  parseNumber,
  roadStatusOf,
  servitudeKindOf,
  suggestColumnMapping,
} from './map-attributes.ts';
import { readSource } from './read-source.ts';

const FIXTURES = new URL('../../test/fixtures/geo/', import.meta.url);

describe('column names', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normaliseName(' Libellé-AR ')).toBe('LIBELLE_AR');
    expect(normaliseName('h.max')).toBe('H_MAX');
  });

  it('maps zone columns whatever their spelling', () => {
    expect(
      suggestColumnMapping('zones', [
        'Zonage',
        'Libellé',
        'libelle_ar',
        'Hmax',
        'Nb_Niv',
        'C.O.S',
        'ces',
        'OBS',
      ]),
    ).toEqual({
      zoneCode: 'Zonage',
      labelFr: 'Libellé',
      labelAr: 'libelle_ar',
      maxHeightM: 'Hmax',
      maxFloors: 'Nb_Niv',
      cos: 'C.O.S',
      ces: 'ces',
    });
  });

  it('understands DBF names cut at 10 characters', () => {
    expect(suggestColumnMapping('zones', ['CODE_ZONE', 'DESIGNATIO', 'HAUTEUR_MA'])).toEqual({
      zoneCode: 'CODE_ZONE',
      labelFr: 'DESIGNATIO',
      maxHeightM: 'HAUTEUR_MA',
    });
  });

  it('prefers ZONE over CODE for the zone code and NOM_AR over NOM for Arabic', () => {
    expect(suggestColumnMapping('zones', ['CODE', 'ZONE', 'NOM', 'NOM_AR'])).toMatchObject({
      zoneCode: 'ZONE',
      labelFr: 'NOM',
      labelAr: 'NOM_AR',
    });
  });

  it('reads EMPRISE as a road width but not as a zone field', () => {
    expect(suggestColumnMapping('roads', ['EMPRISE', 'NOM'])).toEqual({
      plannedWidthM: 'EMPRISE',
      labelFr: 'NOM',
    });
    expect(suggestColumnMapping('zones', ['EMPRISE'])).toEqual({});
  });
});

describe('values', () => {
  it('parses numbers leniently', () => {
    expect(parseNumber('17,50 m')).toEqual({ value: 17.5, percent: false });
    expect(parseNumber('5 200 m²')).toEqual({ value: 5200, percent: false });
    expect(parseNumber('60%')).toEqual({ value: 60, percent: true });
    expect(parseNumber(0.6)).toEqual({ value: 0.6, percent: false });
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(null)).toBeUndefined();
    expect(parseNumber('n/a')).toEqual({ error: 'geo.attr_not_a_number' });
    expect(parseNumber('R+4')).toEqual({ error: 'geo.attr_not_a_number' });
  });

  it.each([
    ['R+4', 'NIVEAUX', 4],
    ['r + 2', 'NIVEAUX', 2],
    ['RDC', 'NIVEAUX', 0],
    ['R', 'NIVEAUX', 0],
    ['R+3+S', 'GABARIT', 3],
    ['5', 'NIVEAUX', 4],
    [5, 'NB_NIV', 4],
    [4, 'NB_ETAGES', 4],
  ])('floors %s in %s → R+%i', (value, column, expected) => {
    expect(parseFloors(value, column)).toMatchObject({ value: expected, ambiguous: false });
  });

  it('keeps the highest of a range of floors and flags it', () => {
    expect(parseFloors('R+2 à R+4', 'NIVEAUX')).toEqual({ value: 4, raw: 'R+2 à R+4', ambiguous: true });
    expect(parseFloors('haut', 'NIVEAUX')).toEqual({ error: 'geo.attr_not_a_number', raw: 'haut' });
  });

  it.each([
    ['ECOLE', 'school'],
    ['EP 3', 'school'],
    ['Collège', 'school'],
    ['مدرسة ابتدائية', 'school'],
    ['CS', 'health'],
    ['Centre de santé urbain', 'health'],
    ['مستوصف', 'health'],
    ['MOSQUEE', 'mosque'],
    ['M1', 'mosque'],
    ['مسجد', 'mosque'],
    ['EV', 'green_space'],
    ['Espace vert', 'green_space'],
    ['حديقة عمومية', 'green_space'],
    ['ADM', 'administration'],
    ['Annexe administrative', 'administration'],
    ['Protection civile', 'administration'],
    ['SP', 'sport'],
    ['Terrain de sport', 'sport'],
    ['ملعب', 'sport'],
    ['Marché', 'market'],
    ['SOUK', 'market'],
    ['Parking', undefined],
  ])('equipment %s → %s', (value, kind) => {
    expect(equipmentKindOf(value)).toBe(kind);
  });

  it('classifies servitudes and road status', () => {
    expect(servitudeKindOf('Ligne HT 225 kV')).toBe('high_voltage');
    expect(servitudeKindOf('HT')).toBe('high_voltage');
    expect(servitudeKindOf('Zone non aedificandi')).toBe('non_aedificandi');
    expect(servitudeKindOf('Non-aedificandi')).toBe('non_aedificandi');
    expect(servitudeKindOf('Emprise ONCF')).toBe('railway');
    expect(servitudeKindOf('Protection des remparts')).toBe('heritage');
    expect(servitudeKindOf('Oued Souss')).toBe('watercourse');
    expect(roadStatusOf('projetée')).toBe('planned');
    expect(roadStatusOf('à élargir')).toBe('widening');
    expect(roadStatusOf('Existante')).toBe('existing');
    expect(roadStatusOf('Extension')).toBeUndefined();
  });
});

describe('mapAttributes', () => {
  it('maps a zone and keeps the rest in extra', () => {
    const r = mapAttributes('zones', {
      ZONE: 'B4',
      LIBELLE: "Zone d'immeubles R+4",
      LIBELLE_AR: 'منطقة العمارات',
      HAUTEUR: '17,50 m',
      NIVEAUX: 'R+4',
      COS: '2,5',
      CES: '60%',
      OBS: 'Façade sur avenue',
    });
    expect(r.attributes).toEqual({
      zoneCode: 'B4',
      labelFr: "Zone d'immeubles R+4",
      labelAr: 'منطقة العمارات',
      maxHeightM: 17.5,
      maxFloorsAboveGround: 4,
      maxFloorsRaw: 'R+4',
      cos: 2.5,
      ces: 0.6,
    });
    expect(r.extra).toEqual({ OBS: 'Façade sur avenue' });
    expect(r.issues).toEqual([]);
  });

  it.each([
    [0.6, 0.6],
    ['0,6', 0.6],
    [60, 0.6],
    ['60%', 0.6],
    ['60 %', 0.6],
  ])('CES %s → %s', (ces, expected) => {
    expect(mapAttributes('zones', { CES: ces }).attributes.ces).toBeCloseTo(expected, 12);
  });

  it('reports a COS that is not a number and a CES out of range', () => {
    const r = mapAttributes('zones', { ZONE: 'E3', COS: 'n/a', CES: 140 });
    expect(r.attributes.cos).toBeUndefined();
    expect(r.attributes.ces).toBeUndefined();
    expect(r.issues).toEqual([
      expect.objectContaining({ field: 'cos', column: 'COS', code: 'geo.attr_not_a_number', value: 'n/a' }),
      expect.objectContaining({ field: 'ces', column: 'CES', code: 'geo.attr_out_of_range', value: 140 }),
    ]);
  });

  it('maps a reservation from its code when the type is missing, and flags an unknown type', () => {
    const a = mapAttributes('reservations', {
      CODE: 'CS 2',
      LIBELLE: 'centre de santé',
      SUPERFICIE: '2 400 m²',
    });
    expect(a.attributes).toEqual({
      equipmentKind: 'health',
      reservationCode: 'CS 2',
      labelFr: 'centre de santé',
      areaM2: 2400,
    });
    const b = mapAttributes('reservations', { TYPE: 'Parking', CODE: 'P 4' });
    expect(b.attributes.equipmentKind).toBe('other');
    expect(b.issues.map((i) => i.code)).toEqual(['geo.attr_unrecognised']);
  });

  it('maps roads and servitudes', () => {
    expect(
      mapAttributes('roads', { NOM: 'Bd n° 1', LARGEUR: '30 m', STATUT: 'projetée' }).attributes,
    ).toEqual({
      labelFr: 'Bd n° 1',
      plannedWidthM: 30,
      status: 'planned',
      statusRaw: 'projetée',
    });
    expect(mapAttributes('servitudes', { TYPE: 'HT', LARGEUR: 25 }).attributes).toEqual({
      servitudeKind: 'high_voltage',
      servitudeKindRaw: 'HT',
      widthM: 25,
    });
  });
});

describe('mapLayerAttributes on the fixtures', () => {
  async function layer(zip: string, name?: string) {
    const r = await readSource(new Uint8Array(readFileSync(new URL(zip, FIXTURES))));
    if (!r.ok) throw new Error(r.error.code);
    const l = name ? r.layers.find((x) => x.name === name) : r.layers[0];
    if (!l) throw new Error(`no layer ${name}`);
    return l;
  }

  it('maps the Casablanca zones with their issues', async () => {
    const m = mapLayerAttributes('zones', (await layer('zones-26191.zip', 'zones')).features);
    expect(m.mapping).toEqual({
      zoneCode: 'ZONE',
      labelFr: 'LIBELLE',
      labelAr: 'LIBELLE_AR',
      maxHeightM: 'HAUTEUR',
      maxFloors: 'NIVEAUX',
      cos: 'COS',
      ces: 'CES',
    });
    expect(m.unmappedColumns).toEqual(['OBS']);
    expect(m.features.map((f) => f.attributes.zoneCode)).toEqual(['B4', 'D1', 'EV', 'E3']);
    expect(m.features.map((f) => f.attributes.ces)).toEqual([0.6, 0.4, undefined, 0.7]);
    expect(m.features[1]?.attributes.cos).toBe(0.6);
    expect(m.features[3]?.issues).toEqual([
      expect.objectContaining({ field: 'cos', code: 'geo.attr_not_a_number' }),
    ]);
    expect(m.featuresWithIssues).toBe(1);
  });

  it('maps Taroudant: NB_NIV counts levels', async () => {
    const m = mapLayerAttributes('zones', (await layer('zones-26192.zip')).features);
    expect(m.mapping).toMatchObject({
      zoneCode: 'ZONAGE',
      labelFr: 'DESIGNATIO',
      labelAr: 'NOM_AR',
      maxHeightM: 'H_MAX',
    });
    expect(m.features.map((f) => f.attributes.maxFloorsAboveGround)).toEqual([1, 2, 0]);
  });

  it('maps the Windows-1256 reservations to equipment kinds', async () => {
    const m = mapLayerAttributes('reservations', (await layer('reservations-cp1256.zip')).features);
    expect(m.features.map((f) => f.attributes.equipmentKind)).toEqual([
      'school',
      'mosque',
      'health',
      'green_space',
    ]);
    expect(m.features[0]?.attributes.labelAr).toBe('مدرسة ابتدائية');
  });

  it('finds an Arabic label column by its content', () => {
    const m = mapLayerAttributes('zones', [
      { properties: { ZONE: 'B4', TXT2: 'منطقة العمارات' } },
      { properties: { ZONE: 'D1', TXT2: 'منطقة الفيلات' } },
    ]);
    expect(m.mapping.labelAr).toBe('TXT2');
    expect(m.features[1]?.attributes.labelAr).toBe('منطقة الفيلات');
  });
});
