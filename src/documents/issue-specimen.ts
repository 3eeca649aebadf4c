import { randomBytes } from 'node:crypto';
import { moroccanCalendarDate } from './format.ts';
import { type IssuedDocument, issueDocument } from './issue-document.ts';
import { ROLE_TITLES } from './official.ts';
import {
  createIssuingCa,
  createRootCa,
  issueSealCertificate,
  issueSignatoryCertificate,
  type KeyMaterial,
  type RsaKeyBits,
} from './pki.ts';
import { DocumentRenderer } from './render.ts';
import { LocalKeySigner } from './signer.ts';
import { SPECIMEN_AGENCY, SPECIMEN_PEOPLE, specimenUrbanNoteInput } from './specimen-data.ts';
import { urbanNoteView } from './specimen-note.ts';

/**
 * The specimen urban-planning note, issued end to end: PKI → render (with QR) → three PAdES
 * signatures (instructor, director, agency seal) → SHA-256. Used by tests, demos and (later)
 * `npx taamir documents specimen --out FILE.pdf`.
 */

export type SpecimenPki = {
  masterPassphrase: string;
  root: KeyMaterial;
  issuingCa: KeyMaterial;
  instructor: KeyMaterial;
  director: KeyMaterial;
  seal: KeyMaterial;
};

/** A throwaway PKI for the specimen agency, in memory (~2–3 s with RSA-3072 keys). */
export const createSpecimenPki = (
  options: { masterPassphrase?: string; keyBits?: RsaKeyBits; now?: Date } = {},
): SpecimenPki => {
  const masterPassphrase = options.masterPassphrase ?? randomBytes(24).toString('base64url');
  const common = { masterPassphrase, keyBits: options.keyBits, now: options.now };
  const root = createRootCa({ ...common, commonName: 'Taamir Specimen Root CA' });
  const issuingCa = createIssuingCa({ ...common, root, agency: SPECIMEN_AGENCY });
  const person = (role: 'instructor' | 'agency-director', who: { fr: string; ar: string }) =>
    issueSignatoryCertificate({
      ...common,
      issuer: issuingCa,
      agency: SPECIMEN_AGENCY,
      signatory: { nameLatin: who.fr, nameArabic: who.ar, role },
    });
  return {
    masterPassphrase,
    root,
    issuingCa,
    instructor: person('instructor', SPECIMEN_PEOPLE.instructor),
    director: person('agency-director', SPECIMEN_PEOPLE.director),
    seal: issueSealCertificate({ ...common, issuer: issuingCa, agency: SPECIMEN_AGENCY }),
  };
};

export type IssueSpecimenOptions = {
  /** Reuse a renderer (a process keeps one); default: a new one. */
  renderer?: DocumentRenderer;
  /** Default: a new in-memory PKI. */
  pki?: SpecimenPki;
  /** Default: `https://taamir.example.ma`. */
  publicUrl?: string;
  /** Default: now. */
  issuedAt?: Date;
  reference?: string;
  code?: string;
};

export const issueSpecimen = async (
  options: IssueSpecimenOptions = {},
): Promise<IssuedDocument & { pki: SpecimenPki }> => {
  const pki = options.pki ?? createSpecimenPki();
  const renderer = options.renderer ?? DocumentRenderer.create();
  const issuedAt = options.issuedAt ?? new Date();
  const issuedOn = moroccanCalendarDate(issuedAt);
  const reference = options.reference ?? `NRU-${SPECIMEN_AGENCY.code}-${issuedOn.slice(0, 4)}-000123`;
  const chain = (material: KeyMaterial) => [material.certificatePem, pki.issuingCa.certificatePem];
  const signer = (material: KeyMaterial) =>
    LocalKeySigner.fromEncryptedKey({
      certificateChainPem: chain(material),
      encryptedKeyPem: material.encryptedKeyPem,
      masterPassphrase: pki.masterPassphrase,
    });
  const common = { location: SPECIMEN_AGENCY.cityFr, contactInfo: SPECIMEN_AGENCY.website };

  const issued = await issueDocument({
    renderer,
    template: 'specimen-note',
    publicUrl: options.publicUrl ?? 'https://taamir.example.ma',
    code: options.code,
    creationDate: issuedAt,
    data: (verification) => urbanNoteView(specimenUrbanNoteInput({ reference, issuedOn, verification })),
    signatures: [
      {
        role: 'instructor',
        signer: signer(pki.instructor),
        options: {
          ...common,
          fieldName: 'instructeur',
          name: SPECIMEN_PEOPLE.instructor.fr,
          reason: `Instruction du dossier ${reference} / دراسة الملف`,
        },
      },
      {
        role: 'agency-director',
        signer: signer(pki.director),
        options: {
          ...common,
          fieldName: 'directeur',
          name: SPECIMEN_PEOPLE.director.fr,
          reason: `Délivrance de la note ${reference} / تسليم المذكرة`,
        },
      },
      {
        role: 'seal',
        signer: signer(pki.seal),
        options: {
          ...common,
          fieldName: 'cachet-agence',
          name: SPECIMEN_AGENCY.nameFr,
          reason: `${ROLE_TITLES.seal.fr} / ${ROLE_TITLES.seal.ar}`,
        },
      },
    ],
  });
  return { ...issued, pki };
};
