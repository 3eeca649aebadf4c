// The zoning codes of the synthetic plans and their regulation (règlement d'aménagement), modelled
// on the codes Moroccan plans commonly use: B (immeubles R+n), E (habitat économique), D (villas),
// HM (habitat marocain / traditionnel), I (industrie), EQ (équipements publics), EV (espaces verts),
// RA (zone rurale / agricole). The figures are plausible, not taken from any approved plan.

export type Use =
  | 'housing_collective'
  | 'housing_individual'
  | 'housing_economic'
  | 'retail'
  | 'retail_ground_floor'
  | 'offices'
  | 'services'
  | 'hotel'
  | 'crafts'
  | 'light_industry'
  | 'industry'
  | 'warehousing'
  | 'polluting_industry'
  | 'public_facilities'
  | 'parks'
  | 'agriculture'
  | 'farm_housing'
  | 'petrol_station'
  | 'quarry';

export type ZoneCategory = 'residential' | 'mixed' | 'economic' | 'equipment' | 'green' | 'agricultural';

export type ZoneRules = {
  code: string;
  labelFr: string;
  labelAr: string;
  category: ZoneCategory;
  allowedUses: Use[];
  forbiddenUses: Use[];
  maxHeightM: number;
  /** Floors above the ground floor: R+4 → 4. */
  maxFloorsAboveGround: number;
  /** As written in the plan: "R+4". */
  floors: string;
  /** Coefficient d'occupation du sol, null when the plan sets none (height and CES govern). */
  cos: number | null;
  /** Coefficient d'emprise au sol, fraction of the parcel. */
  ces: number;
  setbacks: {
    /** From the road alignment; 0 = built on the alignment. */
    frontM: number;
    /** From the side boundaries; 0 = mitoyen (built against the neighbour). */
    sideM: number;
    rearM: number;
  };
  minParcelAreaM2: number;
  minFrontageM: number;
  articleFr: string;
  articleAr: string;
};

export const ZONE_RULES: Readonly<Record<string, ZoneRules>> = {
  B6: {
    code: 'B6',
    labelFr: "Zone d'immeubles R+6",
    labelAr: 'منطقة العمارات (سفلي + 6 طوابق)',
    category: 'mixed',
    allowedUses: [
      'housing_collective',
      'retail_ground_floor',
      'offices',
      'services',
      'hotel',
      'public_facilities',
    ],
    forbiddenUses: ['industry', 'polluting_industry', 'warehousing', 'quarry', 'petrol_station'],
    maxHeightM: 24,
    maxFloorsAboveGround: 6,
    floors: 'R+6',
    cos: null,
    ces: 0.7,
    setbacks: { frontM: 0, sideM: 0, rearM: 6 },
    minParcelAreaM2: 300,
    minFrontageM: 15,
    articleFr:
      "Zone d'immeubles en ordre continu le long des grandes voies. Hauteur maximale 24 m (R+6), commerces autorisés au rez-de-chaussée et en mezzanine. Construction à l'alignement, cour arrière d'au moins 6 m. Parcelle minimale 300 m², façade minimale 15 m.",
    articleAr:
      'منطقة عمارات متصلة على طول المحاور الكبرى. العلو الأقصى 24 م (سفلي + 6 طوابق)، يسمح بالتجارة في الطابق الأرضي والميزانين. البناء على حد الاصطفاف مع فناء خلفي لا يقل عن 6 م. المساحة الدنيا للبقعة 300 م² والواجهة الدنيا 15 م.',
  },
  B4: {
    code: 'B4',
    labelFr: "Zone d'immeubles R+4",
    labelAr: 'منطقة العمارات (سفلي + 4 طوابق)',
    category: 'mixed',
    allowedUses: ['housing_collective', 'retail_ground_floor', 'offices', 'services', 'public_facilities'],
    forbiddenUses: ['industry', 'polluting_industry', 'warehousing', 'quarry'],
    maxHeightM: 17.5,
    maxFloorsAboveGround: 4,
    floors: 'R+4',
    cos: null,
    ces: 0.65,
    setbacks: { frontM: 0, sideM: 0, rearM: 5 },
    minParcelAreaM2: 200,
    minFrontageM: 12,
    articleFr:
      "Zone d'immeubles d'habitation collective. Hauteur maximale 17,50 m (R+4), acrotère compris. Commerces et services autorisés au rez-de-chaussée. Construction à l'alignement et en mitoyenneté ; cour arrière d'au moins 5 m. Parcelle minimale 200 m², façade minimale 12 m.",
    articleAr:
      'منطقة عمارات للسكن الجماعي. العلو الأقصى 17,50 م (سفلي + 4 طوابق) بما في ذلك الحاجز. يسمح بالتجارة والخدمات في الطابق الأرضي. البناء على حد الاصطفاف وبالتلاصق مع فناء خلفي لا يقل عن 5 م. المساحة الدنيا للبقعة 200 م² والواجهة الدنيا 12 م.',
  },
  B2: {
    code: 'B2',
    labelFr: "Zone d'immeubles R+2",
    labelAr: 'منطقة العمارات (سفلي + 2 طابقين)',
    category: 'mixed',
    allowedUses: [
      'housing_collective',
      'retail_ground_floor',
      'offices',
      'services',
      'crafts',
      'public_facilities',
    ],
    forbiddenUses: ['industry', 'polluting_industry', 'warehousing', 'quarry'],
    maxHeightM: 11.5,
    maxFloorsAboveGround: 2,
    floors: 'R+2',
    cos: null,
    ces: 0.7,
    setbacks: { frontM: 0, sideM: 0, rearM: 4 },
    minParcelAreaM2: 120,
    minFrontageM: 8,
    articleFr:
      "Zone d'immeubles bas le long des avenues. Hauteur maximale 11,50 m (R+2). Commerces et activités artisanales non nuisantes au rez-de-chaussée. Façades enduites de teinte ocre rouge conformément au cahier des prescriptions architecturales.",
    articleAr:
      'منطقة عمارات منخفضة على طول الشوارع. العلو الأقصى 11,50 م (سفلي + طابقين). يسمح بالتجارة والأنشطة الحرفية غير المزعجة في الطابق الأرضي. تطلى الواجهات باللون الأحمر الترابي وفق دفتر التوجيهات المعمارية.',
  },
  E4: {
    code: 'E4',
    labelFr: 'Zone d’habitat économique R+4',
    labelAr: 'منطقة السكن الاقتصادي (سفلي + 4 طوابق)',
    category: 'residential',
    allowedUses: ['housing_economic', 'housing_collective', 'retail_ground_floor', 'services'],
    forbiddenUses: ['industry', 'polluting_industry', 'warehousing', 'hotel', 'quarry'],
    maxHeightM: 17,
    maxFloorsAboveGround: 4,
    floors: 'R+4',
    cos: null,
    ces: 0.8,
    setbacks: { frontM: 0, sideM: 0, rearM: 0 },
    minParcelAreaM2: 90,
    minFrontageM: 8,
    articleFr:
      "Zone d'habitat économique en bande. Hauteur maximale 17 m (R+4). Un patio d'au moins 9 m² (côté minimal 3 m) par lot. Commerces de proximité autorisés au rez-de-chaussée sur les voies de 15 m et plus.",
    articleAr:
      'منطقة السكن الاقتصادي المتصل. العلو الأقصى 17 م (سفلي + 4 طوابق). فناء داخلي لا تقل مساحته عن 9 م² (أصغر ضلع 3 م) لكل بقعة. يسمح بتجارة القرب في الطابق الأرضي على الطرق التي يساوي عرضها 15 م أو يفوقه.',
  },
  E3: {
    code: 'E3',
    labelFr: 'Zone d’habitat économique R+3',
    labelAr: 'منطقة السكن الاقتصادي (سفلي + 3 طوابق)',
    category: 'residential',
    allowedUses: ['housing_economic', 'retail_ground_floor', 'services'],
    forbiddenUses: ['industry', 'polluting_industry', 'warehousing', 'hotel', 'quarry'],
    maxHeightM: 13.5,
    maxFloorsAboveGround: 3,
    floors: 'R+3',
    cos: null,
    ces: 0.8,
    setbacks: { frontM: 0, sideM: 0, rearM: 0 },
    minParcelAreaM2: 80,
    minFrontageM: 8,
    articleFr:
      "Zone d'habitat économique en bande. Hauteur maximale 13,50 m (R+3). Un patio d'au moins 9 m² (côté minimal 3 m) par lot. Encorbellement limité à 1 m sur les voies de 12 m et plus.",
    articleAr:
      'منطقة السكن الاقتصادي المتصل. العلو الأقصى 13,50 م (سفلي + 3 طوابق). فناء داخلي لا تقل مساحته عن 9 م² (أصغر ضلع 3 م) لكل بقعة. البروز محدود في 1 م على الطرق التي يساوي عرضها 12 م أو يفوقه.',
  },
  E2: {
    code: 'E2',
    labelFr: 'Zone d’habitat économique R+2',
    labelAr: 'منطقة السكن الاقتصادي (سفلي + 2 طابقين)',
    category: 'residential',
    allowedUses: ['housing_economic', 'retail_ground_floor', 'crafts'],
    forbiddenUses: ['industry', 'polluting_industry', 'warehousing', 'hotel', 'quarry'],
    maxHeightM: 11,
    maxFloorsAboveGround: 2,
    floors: 'R+2',
    cos: null,
    ces: 0.8,
    setbacks: { frontM: 0, sideM: 0, rearM: 0 },
    minParcelAreaM2: 70,
    minFrontageM: 7,
    articleFr:
      "Zone d'habitat économique. Hauteur maximale 11 m (R+2). Un patio d'au moins 9 m² par lot. La terrasse peut recevoir une buanderie de 6 m² au plus, en retrait de 3 m de la façade.",
    articleAr:
      'منطقة السكن الاقتصادي. العلو الأقصى 11 م (سفلي + طابقين). فناء داخلي لا تقل مساحته عن 9 م² لكل بقعة. يمكن إقامة غرفة غسيل فوق السطح لا تتجاوز 6 م² بتراجع 3 م عن الواجهة.',
  },
  HM: {
    code: 'HM',
    labelFr: 'Zone d’habitat marocain traditionnel R+1',
    labelAr: 'منطقة السكن المغربي التقليدي (سفلي + طابق)',
    category: 'residential',
    allowedUses: ['housing_individual', 'housing_economic', 'crafts', 'retail_ground_floor'],
    forbiddenUses: ['industry', 'polluting_industry', 'warehousing', 'housing_collective', 'quarry'],
    maxHeightM: 8.5,
    maxFloorsAboveGround: 1,
    floors: 'R+1',
    cos: null,
    ces: 0.75,
    setbacks: { frontM: 0, sideM: 0, rearM: 0 },
    minParcelAreaM2: 100,
    minFrontageM: 8,
    articleFr:
      "Habitat à patio en ordre continu. Hauteur maximale 8,50 m (R+1). Patio central d'au moins 12 m². Matériaux et teintes traditionnels (pisé ou enduit ocre rouge), ouvertures sur rue limitées.",
    articleAr:
      'سكن بفناء داخلي متصل. العلو الأقصى 8,50 م (سفلي + طابق). فناء وسطي لا تقل مساحته عن 12 م². مواد وألوان تقليدية (طابية أو طلاء أحمر ترابي) مع تقليص الفتحات على الشارع.',
  },
  D1: {
    code: 'D1',
    labelFr: 'Zone de villas isolées R+1',
    labelAr: 'منطقة الفيلات المنعزلة (سفلي + طابق)',
    category: 'residential',
    allowedUses: ['housing_individual', 'public_facilities'],
    forbiddenUses: [
      'housing_collective',
      'retail',
      'industry',
      'polluting_industry',
      'warehousing',
      'crafts',
    ],
    maxHeightM: 8.5,
    maxFloorsAboveGround: 1,
    floors: 'R+1',
    cos: 0.6,
    ces: 0.4,
    setbacks: { frontM: 5, sideM: 4, rearM: 4 },
    minParcelAreaM2: 400,
    minFrontageM: 16,
    articleFr:
      'Zone de villas isolées. Hauteur maximale 8,50 m (R+1) ; emprise au sol 40 % et COS 0,6 au plus. Reculs de 5 m sur voie et de 4 m sur les limites séparatives. Parcelle minimale 400 m², façade minimale 16 m.',
    articleAr:
      'منطقة الفيلات المنعزلة. العلو الأقصى 8,50 م (سفلي + طابق)؛ نسبة الاستيلاء على الأرض 40 % ومعامل استعمال الأرض 0,6 على الأكثر. تراجع 5 م عن الطريق و4 م عن الحدود الفاصلة. المساحة الدنيا للبقعة 400 م² والواجهة الدنيا 16 م.',
  },
  D2: {
    code: 'D2',
    labelFr: 'Zone de villas jumelées R+1',
    labelAr: 'منطقة الفيلات المزدوجة (سفلي + طابق)',
    category: 'residential',
    allowedUses: ['housing_individual', 'public_facilities'],
    forbiddenUses: ['housing_collective', 'retail', 'industry', 'polluting_industry', 'warehousing'],
    maxHeightM: 8.5,
    maxFloorsAboveGround: 1,
    floors: 'R+1',
    cos: 0.8,
    ces: 0.5,
    setbacks: { frontM: 4, sideM: 3, rearM: 4 },
    minParcelAreaM2: 250,
    minFrontageM: 12,
    articleFr:
      'Zone de villas jumelées deux à deux. Hauteur maximale 8,50 m (R+1) ; emprise au sol 50 %, COS 0,8. Recul de 4 m sur voie, 3 m sur la limite non mitoyenne, 4 m en fond de parcelle. Parcelle minimale 250 m².',
    articleAr:
      'منطقة الفيلات المزدوجة. العلو الأقصى 8,50 م (سفلي + طابق)؛ نسبة الاستيلاء على الأرض 50 % ومعامل استعمال الأرض 0,8. تراجع 4 م عن الطريق و3 م عن الحد غير المشترك و4 م في عمق البقعة. المساحة الدنيا للبقعة 250 م².',
  },
  I: {
    code: 'I',
    labelFr: 'Zone industrielle',
    labelAr: 'المنطقة الصناعية',
    category: 'economic',
    allowedUses: ['industry', 'light_industry', 'warehousing', 'offices', 'services', 'petrol_station'],
    forbiddenUses: ['housing_collective', 'housing_individual', 'housing_economic', 'hotel', 'quarry'],
    maxHeightM: 14,
    maxFloorsAboveGround: 2,
    floors: 'R+2',
    cos: null,
    ces: 0.7,
    setbacks: { frontM: 10, sideM: 5, rearM: 5 },
    minParcelAreaM2: 1000,
    minFrontageM: 20,
    articleFr:
      'Zone réservée aux activités industrielles et de stockage. Hauteur maximale 14 m, sauf installations techniques. Seul le logement de gardiennage est admis (60 m² au plus). Recul de 10 m sur voie, 5 m sur les limites. Parcelle minimale 1 000 m².',
    articleAr:
      'منطقة مخصصة للأنشطة الصناعية والتخزين. العلو الأقصى 14 م باستثناء المنشآت التقنية. لا يسمح إلا بسكن الحراسة (60 م² على الأكثر). تراجع 10 م عن الطريق و5 م عن الحدود. المساحة الدنيا للبقعة 1000 م².',
  },
  EQ: {
    code: 'EQ',
    labelFr: "Zone d'équipements publics",
    labelAr: 'منطقة التجهيزات العمومية',
    category: 'equipment',
    allowedUses: ['public_facilities'],
    forbiddenUses: [
      'housing_collective',
      'housing_individual',
      'housing_economic',
      'industry',
      'polluting_industry',
      'retail',
      'warehousing',
    ],
    maxHeightM: 15.5,
    maxFloorsAboveGround: 3,
    floors: 'R+3',
    cos: null,
    ces: 0.6,
    setbacks: { frontM: 5, sideM: 4, rearM: 4 },
    minParcelAreaM2: 0,
    minFrontageM: 0,
    articleFr:
      'Terrains réservés aux équipements publics désignés sur le plan. Seules les constructions conformes à leur destination y sont admises. Hauteur maximale 15,50 m (R+3), emprise 60 %, recul de 5 m sur voie.',
    articleAr:
      'أراض مخصصة للتجهيزات العمومية المبينة في التصميم. لا يسمح فيها إلا بالبنايات المطابقة لتخصيصها. العلو الأقصى 15,50 م (سفلي + 3 طوابق) ونسبة الاستيلاء 60 % وتراجع 5 م عن الطريق.',
  },
  EV: {
    code: 'EV',
    labelFr: 'Espace vert public',
    labelAr: 'مساحة خضراء عمومية',
    category: 'green',
    allowedUses: ['parks'],
    forbiddenUses: [
      'housing_collective',
      'housing_individual',
      'housing_economic',
      'retail',
      'offices',
      'industry',
      'polluting_industry',
      'warehousing',
    ],
    maxHeightM: 4,
    maxFloorsAboveGround: 0,
    floors: 'R',
    cos: null,
    ces: 0.02,
    setbacks: { frontM: 5, sideM: 5, rearM: 5 },
    minParcelAreaM2: 0,
    minFrontageM: 0,
    articleFr:
      'Espaces verts, jardins et places publics. Toute construction y est interdite, hormis les kiosques, sanitaires et aires de jeux (2 % de la surface, 4 m de hauteur au plus).',
    articleAr:
      'مساحات خضراء وحدائق وساحات عمومية. يمنع فيها كل بناء باستثناء الأكشاك والمرافق الصحية وفضاءات اللعب (2 % من المساحة وعلو 4 م على الأكثر).',
  },
  RA: {
    code: 'RA',
    labelFr: 'Zone agricole',
    labelAr: 'المنطقة الفلاحية',
    category: 'agricultural',
    allowedUses: ['agriculture', 'farm_housing'],
    forbiddenUses: [
      'housing_collective',
      'housing_economic',
      'industry',
      'polluting_industry',
      'retail',
      'quarry',
    ],
    maxHeightM: 8.5,
    maxFloorsAboveGround: 1,
    floors: 'R+1',
    cos: 0.02,
    ces: 0.02,
    setbacks: { frontM: 10, sideM: 10, rearM: 10 },
    minParcelAreaM2: 10000,
    minFrontageM: 50,
    articleFr:
      "Zone à vocation agricole. Seules les constructions liées à l'exploitation et le logement de l'exploitant sont admises, sur une parcelle d'au moins 1 hectare, avec une emprise de 2 % et une hauteur de 8,50 m au plus.",
    articleAr:
      'منطقة ذات طابع فلاحي. لا يسمح إلا بالبنايات المرتبطة بالاستغلال الفلاحي وسكن المستغل، فوق بقعة لا تقل عن هكتار واحد، بنسبة استيلاء 2 % وعلو لا يتجاوز 8,50 م.',
  },
};

export function rulesOf(code: string): ZoneRules {
  const r = ZONE_RULES[code];
  if (!r) throw new Error(`no rules for zone code ${code}`);
  return r;
}
