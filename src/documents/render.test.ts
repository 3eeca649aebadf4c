import { beforeAll, describe, expect, it } from 'vitest';
import { generateVerificationCode } from './fingerprint.ts';
import { qrSvg, verificationUrl } from './qr.ts';
import { receiptView } from './receipt.ts';
import { DocumentRenderer } from './render.ts';
import { specimenReceiptInput, specimenUrbanNoteInput } from './specimen-data.ts';
import { urbanNoteView } from './specimen-note.ts';
import { pageCount, pdffonts, pdftotext } from './test-tools.ts';

const code = 'K7QF-2MZD-9XWA';
const url = verificationUrl('https://taamir.example.ma', code);
let renderer: DocumentRenderer;
let qr: Buffer;

beforeAll(async () => {
  renderer = DocumentRenderer.create();
  qr = qrSvg(url);
});

const renderNote = (reference = 'NRU-AUC-2026-000123') =>
  renderer.render({
    template: 'specimen-note',
    data: urbanNoteView(
      specimenUrbanNoteInput({ reference, issuedOn: '2026-11-22', verification: { url, code } }),
    ),
    files: { 'qr.svg': qr },
  });

describe('specimen note', () => {
  it('renders a PDF whose text gives back the logical Arabic and French', async () => {
    const pdf = await renderNote();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdftotext(pdf);
    for (const phrase of [
      // letterhead and title
      'المملكة المغربية',
      'ⵜⴰⴳⵍⴷⵉⵜ ⵏ ⵍⵎⵖⵔⵉⴱ',
      'ROYAUME DU MAROC',
      'وزارة إعداد التراب الوطني والتعمير والإسكان وسياسة المدينة',
      'الوكالة الحضرية للدار البيضاء',
      'مذكرة المعلومات التعميرية',
      'Note de renseignements urbanistiques',
      'NRU-AUC-2026-000123',
      // dates: Gregorian (Moroccan month names) and Hijri, Western digits
      'Casablanca, le 22 novembre 2026',
      'حرر بالدار البيضاء في',
      'نونبر',
      'جمادى الآخرة',
      '1448',
      // parcel and zoning
      '12345/C',
      'الرسم العقاري',
      'الدار البيضاء — مقاطعة المعاريف',
      '1 250 m²',
      'التنطيق وضوابط التعمير',
      'منطقة السكن المسترسل',
      '2,40',
      '60 %',
      'R+4',
      '68,0 %',
      '100,0 %',
      // servitudes. pdftotext lists the runs of a mixed line in visual order, so assert on the
      // Arabic runs (logical order inside each run) and the numbers separately.
      'ارتفاق بعدم البناء على عرض',
      'أمتار على طول قناة التطهير',
      'E3',
      // signature panel and footer
      'المكلفة بدراسة الملف',
      'Youssef El Amrani',
      'الخاتم الإلكتروني للوكالة',
      'SPECIMEN — sans valeur juridique',
      url,
      `Code de vérification : ${code}`,
      'رمز التحقق',
      'Page 1 sur 2',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    // Arabic is stored in logical order, not visually reversed.
    expect(text).not.toContain('ةيريمعتلا تامولعملا ةركذم');
  });

  it('keeps the watermark out of the text and spans two pages', async () => {
    const pdf = await renderNote();
    expect(pageCount(pdf)).toBe(2);
    expect(pdftotext(pdf).split('\n')).not.toContain('N'); // the outlined SPECIMEN letters
  });

  it('embeds only the committed fonts', async () => {
    const fonts = pdffonts(await renderNote());
    expect(new Set(fonts)).toEqual(
      new Set([
        'NotoSerif-Regular',
        'NotoSerif-Bold',
        'NotoNaskhArabic-Regular',
        'NotoNaskhArabic-Bold',
        'NotoSansTifinagh-Regular',
      ]),
    );
  });

  it('prints the data it is given (renders do not leak into each other)', async () => {
    const first = pdftotext(await renderNote('NRU-AUC-2026-000001'));
    const second = pdftotext(await renderNote('NRU-AUC-2026-000002'));
    expect(first).toContain('NRU-AUC-2026-000001');
    expect(first).not.toContain('NRU-AUC-2026-000002');
    expect(second).toContain('NRU-AUC-2026-000002');
  });
});

describe('receipt', () => {
  it('renders amount with centimes, order, transaction and case references on one page', async () => {
    const receiptCode = generateVerificationCode();
    const receiptUrl = verificationUrl('https://taamir.example.ma', receiptCode);
    const pdf = await renderer.render({
      template: 'receipt',
      data: receiptView(
        specimenReceiptInput({
          reference: 'REC-AUC-2026-000042',
          paidAt: new Date('2026-11-22T09:42:00Z'),
          verification: { url: receiptUrl, code: receiptCode },
        }),
      ),
      files: { 'qr.svg': qrSvg(receiptUrl) },
    });
    expect(pageCount(pdf)).toBe(1);
    const text = pdftotext(pdf);
    for (const phrase of [
      'وصل الأداء',
      'Reçu de paiement',
      'REC-AUC-2026-000042',
      '250,00 MAD',
      '250,00',
      'درهم',
      'OP-AUC-2026-000321',
      'SBX-7F3A9C21E05B',
      'NRU-AUC-2026-000123',
      '22 novembre 2026 à 10:42',
      'M. Karim Alaoui',
      'السيد كريم العلوي',
      'المبلغ المؤدى',
      receiptUrl,
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });
});

describe('errors', () => {
  it('refuses unknown or layout templates', async () => {
    await expect(renderer.render({ template: 'nope', data: {} })).rejects.toThrow(
      /documents.template_not_found/,
    );
    await expect(renderer.render({ template: '_official', data: {} })).rejects.toThrow(
      /documents.template_not_found/,
    );
    await expect(renderer.render({ template: '../x', data: {} })).rejects.toThrow(
      /documents.template_not_found/,
    );
  });

  it('reports Typst errors for incomplete data', async () => {
    await expect(renderer.render({ template: 'receipt', data: { doc: {} } })).rejects.toThrow(
      /documents.render_failed/,
    );
  });

  it('refuses unsafe input file names', async () => {
    await expect(
      renderer.render({ template: 'receipt', data: {}, files: { '../qr.svg': Buffer.alloc(1) } }),
    ).rejects.toThrow(/documents.invalid_input/);
  });
});
