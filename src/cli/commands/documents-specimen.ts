import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadAgency } from '../../documents/agency.ts';
import { registerDocument, renderRegisteredDocument } from '../../documents/registry.ts';
import { SPECIMEN_AGENCY, SPECIMEN_PEOPLE, specimenUrbanNoteInput } from '../../documents/specimen-data.ts';
import { URBAN_NOTE_TITLE, urbanNoteView } from '../../documents/specimen-note.ts';
import { loadReferenceData } from '../../reference/load-reference-data.ts';
import { type Command, UsageError } from '../command.ts';
import { withRuntime } from './with-runtime.ts';

/**
 * `taamir documents specimen --out FILE.pdf`: issues a specimen urban-planning note through the real
 * chain — the platform's PKI (root, the agency's issuing CA, two signatories and the agency seal),
 * Typst rendering with the QR code, three PAdES signatures, the registry — and writes the signed file,
 * so `pdfsig`, `zbarimg` and the verification page can check it end to end.
 */
export const documentsSpecimenCommand: Command = {
  name: 'documents specimen',
  summary:
    'Issue, sign and register a SPECIMEN bilingual note; write the signed PDF (and the root certificate).',
  usage: 'documents specimen --out FILE.pdf [--root-out ROOT.pem] [--agency CODE]',
  options: {
    out: { type: 'string', description: 'Where to write the signed PDF' },
    'root-out': { type: 'string', description: "Where to write the platform's root certificate (PEM)" },
    agency: { type: 'string', description: `Issuing agency code (default ${SPECIMEN_AGENCY.code})` },
  },
  run: async ({ values, out }) => {
    const file = values.out;
    if (typeof file !== 'string' || !file) throw new UsageError('--out FILE.pdf is required');
    const agencyCode = typeof values.agency === 'string' ? values.agency : SPECIMEN_AGENCY.code;
    return withRuntime({ seed: false }, async (runtime) => {
      const { platform, documents } = runtime;
      await loadReferenceData(platform.db);
      const agency = await loadAgency(platform.db.orm, { code: agencyCode });
      const audit = { actor: { kind: 'system' as const, label: 'cli:documents-specimen' } };
      const { document } = await platform.db.transaction((tx) =>
        registerDocument(tx, platform, audit, {
          type: 'specimen_note',
          series: 'SPEC',
          title: { ...URBAN_NOTE_TITLE, en: 'Urban planning information note (specimen)' },
          template: 'specimen-note',
          agencyId: agency.names.id,
          sourceKey: `specimen:${randomUUID()}`,
          specimen: true,
          signatories: [
            {
              holder: 'specimen',
              key: 'instructor',
              role: 'instructor',
              nameLatin: SPECIMEN_PEOPLE.instructor.fr,
              nameArabic: SPECIMEN_PEOPLE.instructor.ar,
            },
            {
              holder: 'specimen',
              key: 'director',
              role: 'agency-director',
              nameLatin: SPECIMEN_PEOPLE.director.fr,
              nameArabic: SPECIMEN_PEOPLE.director.ar,
            },
            { holder: 'seal' },
          ],
          data: (context) =>
            urbanNoteView({
              ...specimenUrbanNoteInput({
                reference: context.number,
                issuedOn: context.issuedOn,
                verification: context.verification,
              }),
              agency: context.agency,
              signatories: context.signatories,
            }),
        }),
      );
      const signed = await renderRegisteredDocument(documents, document.id);
      if (!signed?.sha256) throw new Error('the specimen could not be signed');
      const bytes = await documents.blobs.get(signed.sha256);
      writeFileSync(file, bytes);
      const rootOut = values['root-out'];
      if (typeof rootOut === 'string' && rootOut)
        writeFileSync(rootOut, await documents.signers.rootCertificatePem());
      out(`file          ${file} (${bytes.length} bytes)`);
      out(`number        ${signed.number}`);
      out(`code          ${signed.verificationCode}`);
      out(`verification  ${platform.config.http.publicUrl}/verify/${signed.verificationCode}`);
      out(`sha256        ${signed.sha256}`);
      for (const s of signed.signers) out(`signer        ${s.role}: ${s.subject} (serial ${s.serialNumber})`);
      if (typeof rootOut === 'string' && rootOut) out(`root          ${rootOut}`);
      return 0;
    });
  },
};
