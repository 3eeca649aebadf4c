import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripBidiControls } from './format.ts';

/**
 * Test helpers around the poppler, zbar and NSS command-line tools (installed in CI and on the
 * development machine: poppler-utils, zbar-tools, libnss3-tools). Not used by production code.
 */

const withTempDir = <T>(run: (dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), 'taamir-documents-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** `pdfsig` report; with `trustedRootPem`, validated against an NSS database trusting that root. */
export const pdfsig = (pdf: Uint8Array, options: { trustedRootPem?: string } = {}): string =>
  withTempDir((dir) => {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const args: string[] = [];
    if (options.trustedRootPem) {
      const nss = join(dir, 'nss');
      execFileSync('mkdir', [nss]);
      execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
      writeFileSync(join(dir, 'root.pem'), options.trustedRootPem);
      execFileSync('certutil', [
        '-A',
        '-d',
        `sql:${nss}`,
        '-n',
        'root',
        '-t',
        'CT,C,C',
        '-i',
        join(dir, 'root.pem'),
      ]);
      args.push('-nssdir', `sql:${nss}`);
    }
    // pdfsig exits non-zero when a signature is invalid; the report is what tests assert on.
    const result = spawnSync('pdfsig', [...args, file], { encoding: 'utf8' });
    return result.stdout;
  });

/** One report block per signature, in document order. */
export const signatureReports = (report: string): string[] => report.split(/^Signature #\d+:$/m).slice(1);

/** Text of the PDF (pdftotext, reading order), bidi control marks removed. */
export const pdftotext = (pdf: Uint8Array): string =>
  withTempDir((dir) => {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return stripBidiControls(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  });

/** Fonts embedded in the PDF (pdffonts names, subset prefix removed). */
export const pdffonts = (pdf: Uint8Array): string[] =>
  withTempDir((dir) => {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    return lines.map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
  });

export const pageCount = (pdf: Uint8Array): number =>
  withTempDir((dir) => {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  });

/** Rasterises page `page` at `dpi` (pdftoppm) and decodes its QR codes with zbarimg. */
export const zbarPdfPage = (pdf: Uint8Array, options: { page?: number; dpi?: number } = {}): string[] =>
  withTempDir((dir) => {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const page = String(options.page ?? 1);
    execFileSync(
      'pdftoppm',
      [
        '-png',
        '-r',
        String(options.dpi ?? 150),
        '-f',
        page,
        '-l',
        page,
        '-singlefile',
        file,
        join(dir, 'page'),
      ],
      {
        stdio: 'ignore',
      },
    );
    const result = spawnSync('zbarimg', ['-q', '--raw', join(dir, 'page.png')], { encoding: 'utf8' });
    return result.stdout.split('\n').filter(Boolean);
  });
