// Generates the synthetic demo plans d'aménagement, one per agency, into src/geo/demo-data/<agency>/:
//   zones.geojson, roads.geojson, reservations.geojson, servitudes.geojson, parcels.geojson
//   (Lambert coordinates in metres, with a legacy `crs` member naming the EPSG code) and plan.json.
// Deterministic: a seeded PRNG per agency, so reruns write identical files.
//   npx tsx scripts/demo-plans/generate.ts [--check]
// --check regenerates in memory and fails if a committed file differs.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRS_REGISTRY, fromWgs84, toWgs84 } from '../../src/geo/crs.ts';
import { AGENCIES, type AgencyConfig } from './agencies.ts';
import { buildLayout, type Layout, type Pt, type Rect, rectRing } from './layout.ts';
import { createRng } from './prng.ts';
import { ZONE_RULES } from './zone-rules.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'src', 'geo', 'demo-data');

type Feature = { type: 'Feature'; id: string; properties: Record<string, unknown>; geometry: unknown };

/** Local (u, v) → Lambert (x, y), rotated about the area centre placed on the agency's centre. */
function frame(cfg: AgencyConfig, layout: Layout) {
  // The centre is rounded to the metre so that a last-digit difference between proj builds
  // cannot move the whole plan; vertices are rounded to the centimetre.
  const c = fromWgs84(cfg.crs, cfg.centre);
  const cx = Math.round(c[0] as number);
  const cy = Math.round(c[1] as number);
  const t = (cfg.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const mu = (layout.extent.u0 + layout.extent.u1) / 2;
  const mv = (layout.extent.v0 + layout.extent.v1) / 2;
  const round = (n: number) => Math.round(n * 100) / 100;
  return (p: Pt): [number, number] => {
    const u = p[0] - mu;
    const v = p[1] - mv;
    return [round(cx + u * cos - v * sin), round(cy + u * sin + v * cos)];
  };
}

function polygon(ring: Pt[], tf: (p: Pt) => [number, number]) {
  return { type: 'Polygon', coordinates: [ring.map(tf)] };
}

function collection(name: string, cfg: AgencyConfig, features: Feature[]): string {
  const code = cfg.crs.slice(5);
  const head = JSON.stringify({
    type: 'FeatureCollection',
    name,
    crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } },
  }).slice(0, -1);
  return `${head},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

const SERVITUDE_RULES: Record<string, { fr: string; ar: string }> = {
  high_voltage: {
    fr: "Couloir de sécurité de la ligne électrique : toute construction y est interdite ; les plantations de plus de 4 m sont soumises à l'avis de l'ONEE.",
    ar: 'ممر السلامة للخط الكهربائي: يمنع فيه كل بناء، وتخضع الأغراس التي يفوق علوها 4 م لرأي المكتب الوطني للكهرباء والماء الصالح للشرب.',
  },
};

export function generate(cfg: AgencyConfig): Map<string, string> {
  const rng = createRng(cfg.seed);
  const layout = buildLayout(cfg, rng);
  const tf = frame(cfg, layout);
  const files = new Map<string, string>();

  const zoneFeatures: Feature[] = layout.zones.map((z) => {
    const r = ZONE_RULES[z.code];
    if (!r) throw new Error(`no rules for ${z.code}`);
    return {
      type: 'Feature',
      id: z.id,
      properties: {
        zoneId: z.id,
        zoneCode: z.code,
        labelFr: r.labelFr,
        labelAr: r.labelAr,
        category: r.category,
        floors: r.floors,
        maxFloorsAboveGround: r.maxFloorsAboveGround,
        maxHeightM: r.maxHeightM,
        cos: r.cos,
        ces: r.ces,
        reservationId: z.reservation?.id ?? null,
      },
      geometry: polygon(z.ring, tf),
    };
  });

  const reservationFeatures: Feature[] = layout.zones
    .filter((z) => z.reservation)
    .map((z) => {
      const ref = z.reservation as NonNullable<typeof z.reservation>;
      const areaM2 = Math.round(z.rects.reduce((s, r: Rect) => s + (r.u1 - r.u0) * (r.v1 - r.v0), 0));
      return {
        type: 'Feature',
        id: ref.id,
        properties: {
          reservationId: ref.id,
          equipmentKind: ref.spec.kind,
          labelFr: `${ref.spec.labelFr} (${ref.id})`,
          labelAr: `${ref.spec.labelAr} (${ref.id})`,
          beneficiaryFr: ref.spec.beneficiaryFr,
          beneficiaryAr: ref.spec.beneficiaryAr,
          areaM2,
          zoneId: z.id,
          zoneCode: z.code,
        },
        geometry: polygon(z.ring, tf),
      };
    });

  const roadFeatures: Feature[] = layout.streets.map((s) => {
    const a: Pt = s.axis === 'u' ? [s.pos, s.from] : [s.from, s.pos];
    const b: Pt = s.axis === 'u' ? [s.pos, s.to] : [s.to, s.pos];
    const n = Number(s.id.slice(3, 5));
    const kindFr = s.cls === 'primary' ? 'Boulevard' : s.cls === 'secondary' ? 'Avenue' : 'Rue';
    const kindAr = s.cls === 'primary' ? 'شارع' : s.cls === 'secondary' ? 'شارع' : 'زنقة';
    const num = s.axis === 'u' ? n : 100 + n;
    const plannedRural = s.status === 'planned';
    return {
      type: 'Feature',
      id: s.id,
      properties: {
        roadId: s.id,
        roadClass: s.cls,
        labelFr: plannedRural ? `Voie projetée n° ${num}` : `${kindFr} n° ${num}`,
        labelAr: plannedRural ? `طريق مبرمج رقم ${num}` : `${kindAr} رقم ${num}`,
        plannedWidthM: s.width,
        existingWidthM: s.status === 'planned' ? null : (s.existingWidth ?? s.width),
        status: s.status,
      },
      geometry: { type: 'LineString', coordinates: [tf(a), tf(b)] },
    };
  });

  const servitudeFeatures: Feature[] = layout.servitudes.map((s) => {
    const spec = s.spec;
    const widthM = spec.kind === 'high_voltage' ? spec.widthM : spec.insideM + spec.outsideM;
    const rule =
      spec.kind === 'high_voltage'
        ? (SERVITUDE_RULES.high_voltage as { fr: string; ar: string })
        : { fr: spec.ruleFr, ar: spec.ruleAr };
    return {
      type: 'Feature',
      id: s.id,
      properties: {
        servitudeId: s.id,
        servitudeKind: spec.kind,
        labelFr: spec.labelFr,
        labelAr: spec.labelAr,
        authority: spec.authority,
        widthM,
        ruleFr: rule.fr,
        ruleAr: rule.ar,
      },
      geometry: polygon(s.ring, tf),
    };
  });

  const parcelFeatures: Feature[] = layout.parcels.map((p) => {
    const ref = p.title.kind === 'requisition' ? `Réq. n° ${p.title.number}` : `TF n° ${p.title.number}`;
    const refAr =
      p.title.kind === 'requisition'
        ? `مطلب التحفيظ رقم ${p.title.number}`
        : `الرسم العقاري رقم ${p.title.number}`;
    return {
      type: 'Feature',
      id: p.id,
      properties: {
        parcelId: p.id,
        titleKind: p.title.kind,
        titleNumber: p.title.number,
        titleRef: ref,
        titleRefAr: refAr,
        propertyNameFr: `Propriété dite « ${p.title.nameFr} »`,
        propertyNameAr: `الملك المسمى « ${p.title.nameAr} »`,
        conservation: cfg.conservationFr,
        areaM2: Math.round((p.rect.u1 - p.rect.u0) * (p.rect.v1 - p.rect.v0) * 100) / 100,
        scenario: p.scenario,
        expectedZones: p.zones,
        expectedReservations: p.reservations,
        expectedServitudes: p.servitudes,
        expectedRoadRightOfWayM2: p.roadRightOfWayM2,
        synthetic: true,
      },
      geometry: polygon(rectRing(p.rect), tf),
    };
  });

  const corners = [
    tf([layout.extent.u0, layout.extent.v0]),
    tf([layout.extent.u1, layout.extent.v0]),
    tf([layout.extent.u1, layout.extent.v1]),
    tf([layout.extent.u0, layout.extent.v1]),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const bboxLambert = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const ll = corners.map((c) => toWgs84(cfg.crs, c) as [number, number]);
  const r6 = (n: number) => Math.round(n * 1e6) / 1e6;
  const bboxWgs84 = [
    r6(Math.min(...ll.map((c) => c[0]))),
    r6(Math.min(...ll.map((c) => c[1]))),
    r6(Math.max(...ll.map((c) => c[0]))),
    r6(Math.max(...ll.map((c) => c[1]))),
  ];
  const usedCodes = [...new Set(layout.zones.map((z) => z.code))].sort();
  const approved = new Date(`${cfg.plan.approvedOn}T00:00:00Z`);
  const validUntil = new Date(approved);
  validUntil.setUTCFullYear(validUntil.getUTCFullYear() + 10);

  const plan = {
    synthetic: true,
    notice:
      'Données de démonstration générées par scripts/demo-plans/generate.ts : ni le plan, ni le décret, ni les titres fonciers ne sont réels.',
    agency: { slug: cfg.slug, nameFr: cfg.agencyFr, nameAr: cfg.agencyAr },
    plan: {
      id: cfg.plan.id,
      kind: 'plan_amenagement',
      nameFr: cfg.plan.nameFr,
      nameAr: cfg.plan.nameAr,
      communes: cfg.plan.communes,
      status: 'approved',
      approval: {
        instrument: 'decree',
        referenceFr: cfg.plan.decreeFr,
        referenceAr: cfg.plan.decreeAr,
        date: cfg.plan.approvedOn,
        bulletinOfficiel: cfg.plan.bulletinOfficiel,
        synthetic: true,
      },
      // Loi 12-90, art. 28: the effects of the approval last ten years.
      effectsUntil: validUntil.toISOString().slice(0, 10),
    },
    crs: cfg.crs,
    crsName: CRS_REGISTRY[cfg.crs].name,
    bboxLambert,
    bboxWgs84,
    layers: {
      zones: { file: 'zones.geojson', count: zoneFeatures.length, geometry: 'Polygon' },
      roads: {
        file: 'roads.geojson',
        count: roadFeatures.length,
        geometry: 'LineString',
        widthProperty: 'plannedWidthM',
      },
      reservations: { file: 'reservations.geojson', count: reservationFeatures.length, geometry: 'Polygon' },
      servitudes: { file: 'servitudes.geojson', count: servitudeFeatures.length, geometry: 'Polygon' },
      parcels: { file: 'parcels.geojson', count: parcelFeatures.length, geometry: 'Polygon' },
    },
    zoneRules: Object.fromEntries(usedCodes.map((c) => [c, ZONE_RULES[c]])),
    generator: { script: 'scripts/demo-plans/generate.ts', seed: cfg.seed },
  };

  files.set('zones.geojson', collection('zones', cfg, zoneFeatures));
  files.set('roads.geojson', collection('roads', cfg, roadFeatures));
  files.set('reservations.geojson', collection('reservations', cfg, reservationFeatures));
  files.set('servitudes.geojson', collection('servitudes', cfg, servitudeFeatures));
  files.set('parcels.geojson', collection('parcels', cfg, parcelFeatures));
  files.set('plan.json', `${JSON.stringify(plan, null, 2)}\n`);
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  let differs = 0;
  for (const cfg of AGENCIES) {
    const dir = join(OUT, cfg.slug);
    const files = generate(cfg);
    if (!check) mkdirSync(dir, { recursive: true });
    let bytes = 0;
    for (const [name, content] of files) {
      const path = join(dir, name);
      bytes += Buffer.byteLength(content);
      if (check) {
        let current = '';
        try {
          current = readFileSync(path, 'utf8');
        } catch {
          // missing
        }
        if (current !== content) {
          differs++;
          console.error(`differs: ${path}`);
        }
      } else {
        writeFileSync(path, content);
      }
    }
    const plan = JSON.parse(files.get('plan.json') as string) as {
      layers: Record<string, { count: number }>;
    };
    const counts = Object.entries(plan.layers)
      .map(([k, v]) => `${k} ${v.count}`)
      .join(', ');
    console.log(`${cfg.slug}: ${counts}; ${(bytes / 1024).toFixed(0)} KiB`);
  }
  if (differs > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
