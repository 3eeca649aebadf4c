// Words of the planning data printed in notes (uses, equipment, servitudes, roads), in the three
// languages. The codes are those of the plans' structured rules (src/geo/, scripts/demo-plans/).
import type { Localized } from '../../platform/i18n/locale.ts';

export const USES: Readonly<Record<string, Localized>> = {
  housing_collective: { ar: 'سكن جماعي', fr: 'Habitat collectif', en: 'Apartment housing' },
  housing_individual: { ar: 'سكن فردي', fr: 'Habitat individuel', en: 'Individual housing' },
  housing_economic: { ar: 'سكن اقتصادي', fr: 'Habitat économique', en: 'Low-cost housing' },
  retail: { ar: 'تجارة', fr: 'Commerce', en: 'Retail' },
  retail_ground_floor: {
    ar: 'تجارة في الطابق الأرضي',
    fr: 'Commerce en rez-de-chaussée',
    en: 'Ground-floor retail',
  },
  offices: { ar: 'مكاتب', fr: 'Bureaux', en: 'Offices' },
  services: { ar: 'خدمات', fr: 'Services', en: 'Services' },
  public_facilities: { ar: 'تجهيزات عمومية', fr: 'Équipements publics', en: 'Public facilities' },
  hotel: { ar: 'فنادق', fr: 'Hôtellerie', en: 'Hotels' },
  crafts: { ar: 'صناعة تقليدية', fr: 'Artisanat', en: 'Crafts' },
  light_industry: { ar: 'صناعة خفيفة', fr: 'Industrie légère', en: 'Light industry' },
  industry: { ar: 'صناعة', fr: 'Industrie', en: 'Industry' },
  polluting_industry: { ar: 'صناعة ملوثة', fr: 'Industrie polluante', en: 'Polluting industry' },
  warehousing: { ar: 'مستودعات', fr: 'Entrepôts', en: 'Warehouses' },
  quarry: { ar: 'مقالع', fr: 'Carrières', en: 'Quarries' },
  parks: { ar: 'حدائق', fr: 'Parcs et jardins', en: 'Parks' },
  petrol_station: { ar: 'محطات الوقود', fr: 'Stations-service', en: 'Petrol stations' },
  agriculture: { ar: 'فلاحة', fr: 'Agriculture', en: 'Agriculture' },
  farm_housing: { ar: 'سكن فلاحي', fr: "Habitat d'exploitation agricole", en: 'Farm housing' },
};

export const EQUIPMENT: Readonly<Record<string, Localized>> = {
  school: { ar: 'مؤسسة تعليمية', fr: 'Établissement scolaire', en: 'School' },
  health: { ar: 'مؤسسة صحية', fr: 'Établissement de santé', en: 'Health facility' },
  mosque: { ar: 'مسجد', fr: 'Mosquée', en: 'Mosque' },
  green_space: { ar: 'مساحة خضراء', fr: 'Espace vert', en: 'Green space' },
  administration: { ar: 'إدارة', fr: 'Administration', en: 'Administration' },
  sport: { ar: 'تجهيز رياضي', fr: 'Équipement sportif', en: 'Sports facility' },
  market: { ar: 'سوق', fr: 'Marché', en: 'Market' },
  other: { ar: 'تجهيز آخر', fr: 'Autre équipement', en: 'Other facility' },
};

export const SERVITUDES: Readonly<Record<string, Localized>> = {
  high_voltage: {
    ar: 'خط كهربائي عالي التوتر',
    fr: 'Ligne électrique haute tension',
    en: 'High-voltage line',
  },
  non_aedificandi: { ar: 'منطقة غير قابلة للبناء', fr: 'Zone non aedificandi', en: 'No-build zone' },
  railway: { ar: 'سكة حديدية', fr: 'Voie ferrée', en: 'Railway' },
  road_setback: { ar: 'تراجع عن الطريق', fr: 'Recul routier', en: 'Road setback' },
  watercourse: { ar: 'مجرى مائي', fr: "Cours d'eau", en: 'Watercourse' },
  heritage: { ar: 'تراث', fr: 'Patrimoine', en: 'Heritage' },
  cemetery: { ar: 'مقبرة', fr: 'Cimetière', en: 'Cemetery' },
  utility_line: { ar: 'قناة شبكة', fr: 'Conduite de réseau', en: 'Utility line' },
  other: { ar: 'ارتفاق آخر', fr: 'Autre servitude', en: 'Other servitude' },
};

export const ROAD_STATUS: Readonly<Record<string, Localized>> = {
  existing: { ar: 'طريق موجودة', fr: 'Voie existante', en: 'Existing road' },
  planned: { ar: 'طريق مبرمجة', fr: 'Voie projetée', en: 'Planned road' },
  widening: { ar: 'طريق مبرمج توسيعها', fr: 'Voie à élargir', en: 'Road to be widened' },
};

export const PLAN_KINDS: Readonly<Record<string, Localized>> = {
  plan_amenagement: { ar: 'تصميم التهيئة', fr: "Plan d'aménagement", en: 'Zoning plan' },
  sdau: {
    ar: 'المخطط التوجيهي للتهيئة العمرانية',
    fr: "Schéma directeur d'aménagement urbain",
    en: 'Urban master plan',
  },
  plan_developpement: { ar: 'تصميم النمو', fr: 'Plan de développement', en: 'Development plan' },
  plan_restructuration: {
    ar: 'تصميم إعادة الهيكلة',
    fr: 'Plan de restructuration',
    en: 'Restructuring plan',
  },
  other: { ar: 'وثيقة تعمير', fr: "Document d'urbanisme", en: 'Planning document' },
};

export const word = (table: Readonly<Record<string, Localized>>, code: string): Localized =>
  table[code] ?? { ar: code, fr: code, en: code };
