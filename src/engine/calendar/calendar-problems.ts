// Error codes of the working-day calendar (rendered as problem+json by the platform).
import { AppError, defineProblems } from '../../platform/errors.ts';

export const CALENDAR_PROBLEMS = defineProblems({
  'calendar.invalid_date': {
    status: 400,
    title: { ar: 'تاريخ غير صالح', fr: 'Date invalide', en: 'Invalid date' },
    detail: {
      ar: '«{value}» ليس تاريخا صالحا بصيغة YYYY-MM-DD.',
      fr: '« {value} » n’est pas une date valide au format AAAA-MM-JJ.',
      en: '“{value}” is not a valid YYYY-MM-DD date.',
    },
  },
  'calendar.year_out_of_range': {
    status: 400,
    title: { ar: 'سنة خارج نطاق الجدولة', fr: 'Année hors calendrier', en: 'Year outside the calendar' },
    detail: {
      ar: 'السنة {year} خارج النطاق المدعوم ({min}–{max}).',
      fr: 'L’année {year} est hors de la plage prise en charge ({min}–{max}).',
      en: 'The year {year} is outside the supported range ({min}–{max}).',
    },
  },
  'calendar.invalid_day_count': {
    status: 400,
    title: { ar: 'عدد أيام غير صالح', fr: 'Nombre de jours invalide', en: 'Invalid number of days' },
    detail: {
      ar: '«{value}» ليس عددا صحيحا مقبولا من الأيام ({expected}).',
      fr: '« {value} » n’est pas un nombre de jours accepté ({expected}).',
      en: '“{value}” is not an accepted number of days ({expected}).',
    },
  },
  'calendar.invalid_override': {
    status: 400,
    title: {
      ar: 'تعديل غير صالح لعطلة',
      fr: 'Ajustement de jour férié invalide',
      en: 'Invalid holiday override',
    },
    detail: {
      ar: 'التعديل رقم {index} ({key}، {year}) غير صالح: {reason}',
      fr: 'L’ajustement n° {index} ({key}, {year}) est invalide : {reason}',
      en: 'Override #{index} ({key}, {year}) is invalid: {reason}',
    },
  },
  'calendar.override_target_missing': {
    status: 422,
    title: {
      ar: 'العطلة المراد نقلها غير موجودة',
      fr: 'Jour férié à déplacer introuvable',
      en: 'Holiday to move not found',
    },
    detail: {
      ar: 'لا توجد مناسبة «{key}» محسوبة على بعد {maxDays} يوما أو أقل من {date}.',
      fr: 'Aucune occurrence calculée de « {key} » à {maxDays} jours ou moins du {date}.',
      en: 'No computed occurrence of “{key}” lies within {maxDays} days of {date}.',
    },
  },
  'calendar.unsupported_language': {
    status: 400,
    title: { ar: 'لغة غير مدعومة', fr: 'Langue non prise en charge', en: 'Unsupported language' },
    detail: {
      ar: '«{value}» ليست من لغات المنصة (ar، fr، en).',
      fr: '« {value} » n’est pas une langue de la plateforme (ar, fr, en).',
      en: '“{value}” is not a platform language (ar, fr, en).',
    },
  },
  'calendar.unsupported_hijri_calendar': {
    status: 500,
    title: {
      ar: 'التقويم الهجري غير متوفر',
      fr: 'Calendrier hégirien indisponible',
      en: 'Hijri calendar unavailable',
    },
    detail: {
      ar: 'بيئة التشغيل لا توفر التقويم «{calendar}» (تم تعويضه بـ «{resolved}»).',
      fr: 'L’environnement d’exécution ne fournit pas le calendrier « {calendar} » (remplacé par « {resolved} »).',
      en: 'The runtime does not provide the “{calendar}” calendar (it resolved to “{resolved}”).',
    },
  },
});

export type CalendarProblemCode = keyof typeof CALENDAR_PROBLEMS;

/** An AppError with one of the calendar's codes (importing this module registers the codes). */
export const calendarError = (code: CalendarProblemCode, params: Record<string, unknown>): AppError =>
  new AppError(code, { params });
