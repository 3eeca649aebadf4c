// The reference data files (src/reference/data/*.json) and their shapes.
import { readFileSync } from 'node:fs';
import type { AgencyContact } from '../platform/db/tables.ts';

/** A phone number on a contact sheet: digits, spaces, `().-`, an optional leading `+`. */
export const PHONE_PATTERN = '^\\+?[0-9 ().-]{6,24}$';

export type RegionRecord = { code: string; nameAr: string; nameFr: string };
export type ProvinceRecord = {
  code: string;
  regionCode: string;
  kind: 'prefecture' | 'province';
  nameAr: string;
  nameFr: string;
};
export type AgencyRecord = {
  code: string;
  nameAr: string;
  nameFr: string;
  provinces: string[];
  seat: { ar: string; fr: string };
  contact: AgencyContact;
  demo: string[];
  unverified: string[];
};
export type CommuneRecord = {
  code: string;
  provinceCode: string;
  kind: 'urban' | 'rural' | 'arrondissement';
  parentCode?: string;
  nameAr: string;
  nameFr: string;
};
export type BodyRecord = {
  code: string;
  kind: string;
  nameAr: string;
  nameFr: string;
  nameEn: string;
  scopeProvinces?: string[];
};

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./data/${name}.json`, import.meta.url), 'utf8')) as T;

export type ReferenceData = {
  regions: RegionRecord[];
  provinces: ProvinceRecord[];
  agencies: AgencyRecord[];
  communes: CommuneRecord[];
  bodies: BodyRecord[];
};

export function readReferenceData(): ReferenceData {
  return {
    regions: read('regions'),
    provinces: read('provinces'),
    agencies: read('agencies'),
    communes: read('communes'),
    bodies: read('bodies'),
  };
}
