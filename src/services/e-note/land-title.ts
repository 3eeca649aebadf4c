// Land-title references as people write them: a titre foncier (رسم عقاري) `12345/C`, `8812/D`,
// `164203/63`, `T.F. n° 31457-C`, `الرسم العقاري رقم ١٢٣٤٥/C`; a requisition for registration
// (مطلب التحفيظ) `Réq. 45127/63`, `R 45127/63`, `مطلب التحفيظ عدد 45127/63`. The number is followed by
// the suffix of the land conservation that keeps the title (letters in Casablanca, digits elsewhere).
// Pure: parsing and validation with a reason a person can act on; the service turns reasons into
// localized problems (problems.ts).

export type LandTitleKind = 'titre_foncier' | 'requisition';

export type LandTitle = {
  kind: LandTitleKind;
  /** Digits, without leading zeros: `45127`. */
  number: string;
  /** Conservation suffix, upper case: `C`, `63`. */
  suffix: string;
  /** `45127/63`: the form stored and searched. */
  normalized: string;
  /** How official documents print it. */
  display: { fr: string; ar: string };
};

export type LandTitleError =
  /** Nothing typed. */
  | 'empty'
  /** A number without its conservation suffix (`12345`). */
  | 'missing_suffix'
  /** The number is not 1 to 7 digits (letters, too long, zero). */
  | 'number_invalid'
  /** The suffix is not 1–2 letters or 1–3 digits (`/CASA`, `/C7`). */
  | 'suffix_invalid'
  /** Not a land-title reference at all (`abc`, `12/34/56`, a backslash). */
  | 'format';

export type LandTitleParse = { ok: true; title: LandTitle } | { ok: false; error: LandTitleError };

/** The examples quoted in error messages and hints. */
export const LAND_TITLE_EXAMPLES = ['12345/C', '164203/63', 'Réq. 45127/63'] as const;

const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const westernDigits = (text: string) =>
  text.replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));

// Prefixes, tried on the text folded to lower case without accents. The requisition prefixes come
// first: `r 45127/63` is a requisition, whereas `45127/R` is a title kept by the `R` conservation.
const REQUISITION_PREFIX =
  /^(?:req(?:uisition)?(?:\s+d'?immatriculation)?|r|مطلب(?:\s+ال)?(?:\s*تحفيظ)?|م\s*\.?\s*ت)\s*\.?\s*(?:n\s*[°o.º]?|no\.?|numero|رقم|عدد)?\s*[:.]?\s*/u;
const TITLE_PREFIX =
  /^(?:t\s*\.?\s*f|titre(?:\s+foncier)?|(?:ال)?رسم(?:\s+(?:ال)?عقاري)?|ر\s*\.?\s*ع)\s*\.?\s*(?:n\s*[°o.º]?|no\.?|numero|رقم|عدد)?\s*[:.]?\s*/u;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Parses and validates a land-title reference. The kind comes from a prefix (`Réq.`, `R`, `TF`, or
 * their Arabic forms); without one, a title (titre foncier) is assumed.
 */
export function parseLandTitle(input: string): LandTitleParse {
  const raw = westernDigits(input ?? '')
    .replace(/[\u200e\u200f\u2066-\u2069\u202a-\u202e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!raw) return { ok: false, error: 'empty' };
  let kind: LandTitleKind = 'titre_foncier';
  let rest = raw;
  const folded = fold(raw);
  const req = REQUISITION_PREFIX.exec(folded);
  const tf = TITLE_PREFIX.exec(folded);
  // A prefix counts only when a digit follows it (`R` alone is not a requisition of nothing).
  const after = (m: RegExpExecArray | null) =>
    m && m[0].length > 0 && /^\d/.test(folded.slice(m[0].length)) ? m[0].length : 0;
  if (after(req)) {
    kind = 'requisition';
    rest = raw.slice(cut(raw, folded, after(req)));
  } else if (after(tf)) {
    rest = raw.slice(cut(raw, folded, after(tf)));
  } else if (!/^\d/.test(raw)) {
    return { ok: false, error: 'format' };
  }
  rest = rest.trim();
  if (/\\/.test(rest)) return { ok: false, error: 'format' };
  const m = /^([0-9A-Za-z]+)(?:\s*[/\-–]\s*|\s+)?([^/\s\-–]*)$/.exec(rest);
  if (!m) return { ok: false, error: 'format' };
  const numberText = m[1] ?? '';
  const suffixText = (m[2] ?? '').trim();
  if (!/^\d+$/.test(numberText)) {
    // `12345C` written without a separator: a number glued to its letters.
    const glued = /^(\d{1,7})([A-Za-z]{1,2})$/.exec(numberText);
    if (glued && !suffixText) return finish(kind, glued[1] as string, glued[2] as string);
    return { ok: false, error: /\d/.test(numberText) ? 'number_invalid' : 'format' };
  }
  if (!suffixText) return { ok: false, error: 'missing_suffix' };
  return finish(kind, numberText, suffixText);
}

/** Position in `raw` matching `length` characters of its folded form (folding keeps one char per char). */
function cut(raw: string, folded: string, length: number): number {
  // NFD folding may add combining marks; walk both strings in step.
  let r = 0;
  let f = 0;
  while (f < length && r < raw.length) {
    const piece = fold(raw[r] as string);
    f += piece.length;
    r++;
  }
  return folded.length === raw.length ? length : r;
}

function finish(kind: LandTitleKind, numberText: string, suffixText: string): LandTitleParse {
  const number = numberText.replace(/^0+(?=\d)/, '');
  if (number.length > 7 || /^0+$/.test(number)) return { ok: false, error: 'number_invalid' };
  const suffix = suffixText.toUpperCase();
  if (!/^(?:[A-Z]{1,2}|\d{1,3})$/.test(suffix)) return { ok: false, error: 'suffix_invalid' };
  const normalized = `${number}/${suffix}`;
  return {
    ok: true,
    title: {
      kind,
      number,
      suffix,
      normalized,
      display:
        kind === 'requisition'
          ? { fr: `Réq. n° ${normalized}`, ar: `مطلب التحفيظ رقم ${normalized}` }
          : { fr: `TF n° ${normalized}`, ar: `الرسم العقاري رقم ${normalized}` },
    },
  };
}
