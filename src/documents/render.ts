import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { DocumentError } from './errors.ts';

/** The committed OFL fonts; the compiler is given this folder and nothing else. */
export const FONTS_DIR = fileURLToPath(new URL('./fonts/', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('./templates/', import.meta.url));

/** Any JSON value: what a template receives as `data.json`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type RenderInput = {
  /** Template file name without `.typ`, e.g. `specimen-note`. Names starting with `_` are layouts. */
  template: string;
  /** Serialised to JSON and read by the template with `load-data()`. */
  data: JsonValue;
  /** Binary inputs (e.g. `qr.svg`), readable by the template with `input-file(name)`. */
  files?: Readonly<Record<string, Uint8Array>>;
  /** PDF creation date written in the metadata (default: now). */
  creationDate?: Date;
};

const TEMPLATE_NAME = /^[a-z][a-z0-9-]*$/;
const FILE_NAME = /^[a-z0-9][a-z0-9._-]*$/i;
/** Virtual folder, relative to the templates root, where each render's inputs are mapped. */
const INPUTS_ROOT = '.inputs';
/** Virtual folder for assets the renderer prepares once (see `prepareAssets`). */
const ASSETS_ROOT = '.assets';

/**
 * Assets compiled once per renderer and mapped as shadow files under `/.assets/`:
 * `specimen-watermark.svg`, the outlined SPECIMEN mark (text in a background would otherwise be
 * interleaved with the document text by extractors).
 */
const prepareAssets = (compiler: NodeCompiler, templatesDir: string): void => {
  const svg = compiler.plainSvg({ mainFilePath: join(templatesDir, '_specimen-watermark.typ') });
  compiler.mapShadow(join(templatesDir, ASSETS_ROOT, 'specimen-watermark.svg'), Buffer.from(svg, 'utf8'));
};

/**
 * One Typst compiler for the whole process: creating it scans the fonts (~60–100 ms); each render
 * then takes a few milliseconds. Inputs are mapped as in-memory "shadow" files under a fresh
 * folder per render and unmapped afterwards, so renders never see each other's data and nothing
 * is written to disk.
 *
 * Rendering is synchronous inside the native compiler; `render` is async so that a worker-thread
 * or out-of-process implementation can replace it without changing callers.
 */
export class DocumentRenderer {
  readonly templatesDir: string;
  readonly #compiler: NodeCompiler;

  private constructor(templatesDir: string, compiler: NodeCompiler) {
    this.templatesDir = templatesDir;
    this.#compiler = compiler;
  }

  static create(options: { templatesDir?: string; fontsDir?: string } = {}): DocumentRenderer {
    const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
    const compiler = NodeCompiler.create({
      workspace: templatesDir,
      fontArgs: [{ fontPaths: [options.fontsDir ?? FONTS_DIR] }],
    });
    prepareAssets(compiler, templatesDir);
    return new DocumentRenderer(templatesDir, compiler);
  }

  async render(input: RenderInput): Promise<Buffer> {
    return this.#renderNow(input);
  }

  #renderNow({ template, data, files = {}, creationDate = new Date() }: RenderInput): Buffer {
    if (!TEMPLATE_NAME.test(template)) {
      throw new DocumentError('documents.template_not_found', `invalid template name: ${template}`);
    }
    const mainFilePath = join(this.templatesDir, `${template}.typ`);
    if (!existsSync(mainFilePath)) {
      throw new DocumentError('documents.template_not_found', `no template ${template}.typ`);
    }
    for (const name of Object.keys(files)) {
      if (!FILE_NAME.test(name) || name === 'data.json') {
        throw new DocumentError('documents.invalid_input', `invalid input file name: ${name}`);
      }
    }

    const id = randomUUID();
    const virtualDir = `/${INPUTS_ROOT}/${id}`;
    const mapped: string[] = [];
    const map = (name: string, bytes: Uint8Array): void => {
      const path = join(this.templatesDir, INPUTS_ROOT, id, name);
      this.#compiler.mapShadow(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      mapped.push(path);
    };
    try {
      map('data.json', Buffer.from(JSON.stringify(data), 'utf8'));
      for (const [name, bytes] of Object.entries(files)) map(name, bytes);

      // `pdf(args)` compiles and exports in one native call. Going through `compile()` and keeping
      // the returned document object leaked ~0.5 MB of native memory per render (measured on 0.7.0).
      return this.#compiler.pdf(
        { mainFilePath, inputs: { 'taamir-inputs': virtualDir } },
        { creationTimestamp: Math.floor(creationDate.getTime() / 1000) },
      );
    } catch (cause) {
      // The compiler throws an Error whose `code` holds the Typst diagnostics.
      const details =
        cause instanceof Error
          ? [cause.message, (cause as Error & { code?: unknown }).code].filter(Boolean).join(' ')
          : String(cause);
      throw new DocumentError('documents.render_failed', `${template}: ${details}`, { cause });
    } finally {
      for (const path of mapped) this.#compiler.unmapShadow(path);
      // Typst memoises layout results; every render has new inputs, so age out stale entries
      // (Typst's CLI uses the same max age of 10).
      this.#compiler.evictCache(10);
    }
  }
}
