// An agency as official documents print it (letterhead, footer) and as the PKI names it.
import { eq } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { agencies } from '../platform/db/tables.ts';
import { DocumentError } from './errors.ts';
import type { AgencyIdentity } from './official.ts';
import type { AgencyNames } from './pki-store.ts';

export const MINISTRY = {
  fr: "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
  ar: 'وزارة إعداد التراب الوطني والتعمير والإسكان وسياسة المدينة',
} as const;

export type LoadedAgency = { identity: AgencyIdentity; names: AgencyNames };

const websiteOf = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/+$/, '');

export async function loadAgency(db: Orm, where: { id: string } | { code: string }): Promise<LoadedAgency> {
  const [row] = await db
    .select()
    .from(agencies)
    .where('id' in where ? eq(agencies.id, where.id) : eq(agencies.code, where.code));
  if (!row) throw new DocumentError('documents.invalid_input', `unknown agency ${JSON.stringify(where)}`);
  const phone =
    row.contact.phones.find((p) => p.service === 'switchboard')?.number ??
    row.contact.phones[0]?.number ??
    '';
  const identity: AgencyIdentity = {
    code: row.code,
    nameFr: row.nameFr,
    nameAr: row.nameAr,
    ministryFr: MINISTRY.fr,
    ministryAr: MINISTRY.ar,
    cityFr: row.seat.fr,
    cityAr: row.seat.ar,
    addressFr: row.contact.address.fr,
    addressAr: row.contact.address.ar,
    phone,
    website: websiteOf(row.contact.website),
  };
  return { identity, names: { id: row.id, code: row.code, nameFr: row.nameFr, nameAr: row.nameAr } };
}
