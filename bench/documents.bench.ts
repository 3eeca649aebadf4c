// Official documents: rendered and signed per second against bare rendering, in the same process and
// run. Bare = Typst render of the same template and data (QR image given). Signed = the issuing
// pipeline: verification code → QR → render → PAdES signature(s) with RSA-3072 keys → SHA-256.

import { issueDocument, type PlannedSignature } from '../src/documents/issue-document.ts';
import { createSpecimenPki } from '../src/documents/issue-specimen.ts';
import { QR_FILE } from '../src/documents/official.ts';
import { qrSvg, verificationUrl } from '../src/documents/qr.ts';
import { receiptView } from '../src/documents/receipt.ts';
import { DocumentRenderer, type JsonValue } from '../src/documents/render.ts';
import { LocalKeySigner } from '../src/documents/signer.ts';
import { specimenReceiptInput, specimenUrbanNoteInput } from '../src/documents/specimen-data.ts';
import { urbanNoteView } from '../src/documents/specimen-note.ts';
import { fmt } from './support.ts';

type Run = {
  count: number;
  seconds: number;
  perSecond: number;
  msMean: number;
  msP50: number;
  msP95: number;
};

async function measure(seconds: number, once: () => Promise<unknown>): Promise<Run> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  while (performance.now() < end) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  const elapsed = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    count: times.length,
    seconds: elapsed,
    perSecond: times.length / elapsed,
    msMean: times.reduce((s, t) => s + t, 0) / times.length,
    msP50: at(0.5),
    msP95: at(0.95),
  };
}

export async function documentsBench(options: { seconds: number }) {
  const renderer = DocumentRenderer.create();
  const pki = createSpecimenPki();
  const signer = (material: { certificatePem: string; encryptedKeyPem: string }) =>
    LocalKeySigner.fromEncryptedKey({
      certificateChainPem: [material.certificatePem, pki.issuingCa.certificatePem],
      encryptedKeyPem: material.encryptedKeyPem,
      masterPassphrase: pki.masterPassphrase,
    });
  const common = { location: 'Casablanca', contactInfo: 'taamir.example.ma' };
  const seal: PlannedSignature = {
    role: 'seal',
    signer: signer(pki.seal),
    options: { ...common, fieldName: 'cachet-agence', name: 'Agence', reason: 'Cachet' },
  };
  const three: PlannedSignature[] = [
    {
      role: 'instructor',
      signer: signer(pki.instructor),
      options: { ...common, fieldName: 'instructeur', name: 'Instructeur', reason: 'Instruction' },
    },
    {
      role: 'agency-director',
      signer: signer(pki.director),
      options: { ...common, fieldName: 'directeur', name: 'Directeur', reason: 'Délivrance' },
    },
    seal,
  ];
  const publicUrl = 'https://taamir.example.ma';
  const fixed = { code: 'K7QF-2MZD-9XWA', url: verificationUrl(publicUrl, 'K7QF-2MZD-9XWA') };
  const qr = qrSvg(fixed.url);
  const receiptData = (v: { url: string; code: string }): JsonValue =>
    receiptView(
      specimenReceiptInput({ reference: 'REC-AUC-2026-000042', paidAt: new Date(), verification: v }),
    );
  const noteData = (v: { url: string; code: string }): JsonValue =>
    urbanNoteView(
      specimenUrbanNoteInput({ reference: 'NRU-AUC-2026-000123', issuedOn: '2026-11-22', verification: v }),
    );

  const targets: { name: string; run: () => Promise<unknown> }[] = [
    {
      name: 'receipt, bare render (baseline)',
      run: () => renderer.render({ template: 'receipt', data: receiptData(fixed), files: { [QR_FILE]: qr } }),
    },
    {
      name: 'receipt, issued: QR + render + 1 seal',
      run: () =>
        issueDocument({ renderer, template: 'receipt', publicUrl, data: receiptData, signatures: [seal] }),
    },
    {
      name: 'note (2 pages), bare render (baseline)',
      run: () =>
        renderer.render({ template: 'specimen-note', data: noteData(fixed), files: { [QR_FILE]: qr } }),
    },
    {
      name: 'note, issued: QR + render + 3 signatures',
      run: () =>
        issueDocument({ renderer, template: 'specimen-note', publicUrl, data: noteData, signatures: three }),
    },
  ];
  // Warm up every target (Typst caches, JIT, OpenSSL).
  for (const target of targets) await measure(0.5, target.run);
  const results = [];
  for (const target of targets)
    results.push({ name: target.name, r: await measure(options.seconds, target.run) });

  console.log(`\nOfficial documents — ${options.seconds} s per target, one process, sequential`);
  for (const [i, { name, r }] of results.entries()) {
    const baseline = results[i - (i % 2)]!.r;
    console.log(
      `  ${name.padEnd(42)} ${fmt(r.perSecond, 1).padStart(7)} docs/s  ${fmt(r.msMean, 1).padStart(6)} ms/doc (p50 ${fmt(r.msP50, 1)}, p95 ${fmt(r.msP95, 1)})  ratio ${fmt(r.perSecond / baseline.perSecond, 2)}  n=${r.count}`,
    );
  }
  return results;
}
