// The internal PKI, persisted: the platform root CA (once), an issuing CA per agency (on first need),
// a certificate per signatory (a staff member in a role) and per agency seal. Private keys are stored
// only as encrypted PKCS#8 (the database refuses anything else) and opened in memory when a signature
// is needed. `SignerProvider` is the port signing code depends on: an HSM or a qualified trust service
// (Barid eSign) replaces `PkiStore` without touching documents, templates or the registry.
import { X509Certificate } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { AgencyIdentity, SignatoryRole } from './official.ts';
import {
  createIssuingCa,
  createRootCa,
  issueSealCertificate,
  issueSignatoryCertificate,
  type KeyMaterial,
  type RsaKeyBits,
} from './pki.ts';
import { LocalKeySigner, type Signer } from './signer.ts';
import {
  type CertificateKind,
  type CertificateRow,
  type PlannedSignatory,
  pkiCertificates,
} from './tables.ts';

export type AgencyNames = Pick<AgencyIdentity, 'code' | 'nameFr' | 'nameAr'> & { id: string };

export type ResolvedSigner = {
  signer: Signer;
  /** The certificate row, when the key is held by this platform. */
  certificateId: string | null;
  serialNumber: string;
  subject: string;
};

export type SignerProvider = {
  signerFor(request: { agency: AgencyNames; signatory: PlannedSignatory }): Promise<ResolvedSigner>;
  /** The trust anchor relying parties install to see the signatures as trusted. */
  rootCertificatePem(): Promise<string>;
};

const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;
const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

export const holderKey = (signatory: PlannedSignatory): string =>
  signatory.holder === 'seal'
    ? 'seal'
    : signatory.holder === 'user'
      ? `user:${signatory.userId}:${signatory.role}`
      : `specimen:${signatory.key}`;

const subjectOf = (pem: string) => new X509Certificate(pem).subject.replaceAll('\n', ', ');

export class PkiStore implements SignerProvider {
  readonly #db: Database;
  readonly #masterPassphrase: string;
  readonly #now: () => Date;
  readonly #keyBits: RsaKeyBits | undefined;
  /** Opened keys, by certificate id (opening one costs a scrypt, ~75 ms). */
  readonly #signers = new Map<string, LocalKeySigner>();

  constructor(options: { db: Database; masterPassphrase: string; now?: () => Date; keyBits?: RsaKeyBits }) {
    this.#db = options.db;
    this.#masterPassphrase = options.masterPassphrase;
    this.#now = options.now ?? (() => new Date());
    this.#keyBits = options.keyBits;
  }

  async #active(agencyId: string | null, holder: string): Promise<CertificateRow | undefined> {
    const [row] = await this.#db.orm
      .select()
      .from(pkiCertificates)
      .where(
        and(
          sql`coalesce(${pkiCertificates.agencyId}, ${NO_AGENCY}::uuid) = ${agencyId ?? NO_AGENCY}::uuid`,
          eq(pkiCertificates.holder, holder),
          isNull(pkiCertificates.retiredAt),
        ),
      );
    return row;
  }

  /** The active certificate for (agency, holder), created (or renewed near its end) when needed. */
  async #ensure(input: {
    kind: CertificateKind;
    agencyId: string | null;
    holder: string;
    issuer: CertificateRow | null;
    userId?: string | null;
    signatoryRole?: string | null;
    make: (issuer: KeyMaterial | null) => KeyMaterial;
  }): Promise<CertificateRow> {
    const now = this.#now();
    const current = await this.#active(input.agencyId, input.holder);
    if (current && current.notAfter.getTime() - now.getTime() > RENEW_BEFORE_MS) return current;
    if (current) {
      await this.#db.orm
        .update(pkiCertificates)
        .set({ retiredAt: now })
        .where(and(eq(pkiCertificates.id, current.id), isNull(pkiCertificates.retiredAt)));
    }
    // Key generation (~0.5–1 s) happens outside any transaction; a concurrent creator may win the
    // unique index, and then its certificate is the one used.
    const material = input.make(input.issuer);
    const certificate = new X509Certificate(material.certificatePem);
    const [inserted] = await this.#db.orm
      .insert(pkiCertificates)
      .values({
        kind: input.kind,
        agencyId: input.agencyId,
        issuerId: input.issuer?.id ?? null,
        holder: input.holder,
        userId: input.userId ?? null,
        signatoryRole: input.signatoryRole ?? null,
        subject: subjectOf(material.certificatePem),
        serialNumber: certificate.serialNumber,
        certificatePem: material.certificatePem,
        encryptedKeyPem: material.encryptedKeyPem,
        notBefore: new Date(certificate.validFrom),
        notAfter: new Date(certificate.validTo),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) return inserted;
    const winner = await this.#active(input.agencyId, input.holder);
    if (!winner) throw new Error(`certificate ${input.holder} could not be created`);
    return winner;
  }

  #common() {
    return { masterPassphrase: this.#masterPassphrase, now: this.#now(), keyBits: this.#keyBits };
  }

  root(): Promise<CertificateRow> {
    return this.#ensure({
      kind: 'root',
      agencyId: null,
      holder: 'root',
      issuer: null,
      make: () => createRootCa(this.#common()),
    });
  }

  async issuingCa(agency: AgencyNames): Promise<CertificateRow> {
    const root = await this.root();
    return this.#ensure({
      kind: 'issuing_ca',
      agencyId: agency.id,
      holder: 'issuing-ca',
      issuer: root,
      make: (issuer) => createIssuingCa({ ...this.#common(), root: issuer!, agency }),
    });
  }

  /** The signatory's or seal's certificate, issued by the agency's CA when it does not exist yet. */
  async certificate(agency: AgencyNames, signatory: PlannedSignatory): Promise<CertificateRow> {
    const ca = await this.issuingCa(agency);
    const holder = holderKey(signatory);
    if (signatory.holder === 'seal') {
      return this.#ensure({
        kind: 'seal',
        agencyId: agency.id,
        holder,
        issuer: ca,
        make: (issuer) => issueSealCertificate({ ...this.#common(), issuer: issuer!, agency }),
      });
    }
    return this.#ensure({
      kind: 'signatory',
      agencyId: agency.id,
      holder,
      issuer: ca,
      userId: signatory.holder === 'user' ? signatory.userId : null,
      signatoryRole: signatory.role,
      make: (issuer) =>
        issueSignatoryCertificate({
          ...this.#common(),
          issuer: issuer!,
          agency,
          signatory: {
            nameLatin: signatory.nameLatin,
            nameArabic: signatory.nameArabic,
            role: signatory.role as SignatoryRole,
          },
        }),
    });
  }

  async #chain(row: CertificateRow): Promise<string[]> {
    if (!row.issuerId) return [row.certificatePem];
    const [issuer] = await this.#db.orm
      .select()
      .from(pkiCertificates)
      .where(eq(pkiCertificates.id, row.issuerId));
    return issuer ? [row.certificatePem, issuer.certificatePem] : [row.certificatePem];
  }

  async signerFor(request: { agency: AgencyNames; signatory: PlannedSignatory }): Promise<ResolvedSigner> {
    const row = await this.certificate(request.agency, request.signatory);
    let signer = this.#signers.get(row.id);
    if (!signer) {
      signer = LocalKeySigner.fromEncryptedKey({
        certificateChainPem: await this.#chain(row),
        encryptedKeyPem: row.encryptedKeyPem,
        masterPassphrase: this.#masterPassphrase,
      });
      this.#signers.set(row.id, signer);
    }
    return { signer, certificateId: row.id, serialNumber: row.serialNumber, subject: row.subject };
  }

  async rootCertificatePem(): Promise<string> {
    return (await this.root()).certificatePem;
  }
}
