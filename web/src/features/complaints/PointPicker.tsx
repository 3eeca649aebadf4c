// A map to put one point on (MapLibre GL, loaded only when the person asks for the map). It shows the
// platform's own tiles (roads and zones of the published plans) over the geoportal's basemap when one
// is configured, and Morocco's outline otherwise. A click places the point; by keyboard, move the map
// with the arrow keys and press "Put the point at the centre". The coordinate fields beside it are the
// alternative that needs no map at all.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { Button, Notice } from '../../ui/components.tsx';
import type { Point } from './api.ts';
import { MOROCCO_OUTLINE } from './morocco-outline.ts';
import './i18n.ts';

maplibregl.setWorkerUrl(workerUrl);

type MapConfig = {
  basemap: { url: string; attribution: string } | null;
  tiles: { url: string; minzoom: number };
};
type Box = [number, number, number, number];
type Plan = { agencyCode: string; bbox: Box | null };

const MOROCCO_CENTRE: [number, number] = [-7.1, 31.8];

function pointFeature(point: Point | null): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: point
      ? [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] },
          },
        ]
      : [],
  };
}

async function mapStyle(): Promise<maplibregl.StyleSpecification> {
  const config = await api.get<MapConfig>('/api/geoportal/config').catch(() => null);
  const sources: maplibregl.StyleSpecification['sources'] = {
    morocco: {
      type: 'geojson',
      data: {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [[...MOROCCO_OUTLINE]] },
      },
    },
    point: { type: 'geojson', data: pointFeature(null) },
  };
  const layers: maplibregl.LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#dfe9ef' } },
    { id: 'morocco', type: 'fill', source: 'morocco', paint: { 'fill-color': '#f4f3f1' } },
    {
      id: 'morocco-line',
      type: 'line',
      source: 'morocco',
      paint: { 'line-color': '#8b9196', 'line-width': 1 },
    },
  ];
  if (config?.basemap) {
    sources.basemap = {
      type: 'raster',
      tiles: [config.basemap.url],
      tileSize: 256,
      attribution: config.basemap.attribution,
    };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  if (config?.tiles) {
    const tiles = (layer: string) => [
      `${window.location.origin}${config.tiles.url.replace('{layer}', layer)}`,
    ];
    sources.zones = { type: 'vector', tiles: tiles('zones'), minzoom: config.tiles.minzoom, maxzoom: 16 };
    sources.roads = { type: 'vector', tiles: tiles('roads'), minzoom: config.tiles.minzoom, maxzoom: 16 };
    layers.push(
      {
        id: 'zones',
        type: 'fill',
        source: 'zones',
        'source-layer': 'zones',
        paint: { 'fill-color': '#e8f2ec', 'fill-outline-color': '#9cc5ad', 'fill-opacity': 0.8 },
      },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        'source-layer': 'roads',
        paint: { 'line-color': '#4c565b', 'line-width': 2 },
      },
    );
  }
  layers.push(
    {
      id: 'point-halo',
      type: 'circle',
      source: 'point',
      paint: { 'circle-radius': 12, 'circle-color': '#ffffff', 'circle-opacity': 0.9 },
    },
    {
      id: 'point',
      type: 'circle',
      source: 'point',
      paint: {
        'circle-radius': 8,
        'circle-color': '#c1272d',
        'circle-stroke-color': '#1d1d1b',
        'circle-stroke-width': 2,
      },
    },
  );
  return { version: 8, sources, layers };
}

/** Where to open the map: the point, else the agency's published plans, else its territory, else Morocco. */
async function startView(
  agency: string,
  point: Point | null,
): Promise<{ centre: [number, number]; zoom: number }> {
  if (point) return { centre: [point.longitude, point.latitude], zoom: 15 };
  const [plans, area] = await Promise.all([
    api.get<Plan[]>('/api/geoportal/plans').catch(() => [] as Plan[]),
    agency
      ? api.get<{ bbox: Box | null }>(`/api/complaints/agencies/${agency}/area`).catch(() => ({ bbox: null }))
      : Promise.resolve({ bbox: null }),
  ]);
  const boxes = plans.filter((p) => p.agencyCode === agency && p.bbox).map((p) => p.bbox!);
  if (boxes.length) {
    const [w, s, e, n] = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    return { centre: [(w + e) / 2, (s + n) / 2], zoom: 14 };
  }
  if (area.bbox) {
    const [w, s, e, n] = area.bbox;
    return { centre: [(w + e) / 2, (s + n) / 2], zoom: 10 };
  }
  return { centre: MOROCCO_CENTRE, zoom: 4.5 };
}

export default function PointPicker({
  agency,
  value,
  onChange,
}: {
  agency: string;
  value: Point | null;
  onChange: (point: Point) => void;
}) {
  const { t } = useTranslation('complaints');
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const latest = useRef(onChange);
  latest.current = onChange;
  const initial = useRef(value);
  const [failed, setFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let disposed = false;
    (async () => {
      try {
        const [style, view] = await Promise.all([mapStyle(), startView(agency, initial.current)]);
        if (disposed || !container.current) return;
        const m = new maplibregl.Map({
          container: container.current,
          style,
          center: view.centre,
          zoom: view.zoom,
          attributionControl: { compact: true },
          locale: {
            'NavigationControl.ZoomIn': t('map.zoomIn'),
            'NavigationControl.ZoomOut': t('map.zoomOut'),
            'NavigationControl.ResetBearing': t('map.resetBearing'),
          },
        });
        m.getCanvas().setAttribute('aria-label', t('map.canvas'));
        m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
        m.on('click', (e) => latest.current({ latitude: e.lngLat.lat, longitude: e.lngLat.lng }));
        m.on('load', () => {
          setLoaded(true);
          (m.getSource('point') as maplibregl.GeoJSONSource | undefined)?.setData(
            pointFeature(initial.current),
          );
        });
        m.on('error', (e) => {
          // A missing tile is not a broken map; only a failure to start is.
          if (!m.loaded() && !String(e.error?.message ?? '').includes('tile')) setFailed(true);
        });
        map.current = m;
      } catch {
        if (!disposed) setFailed(true);
      }
    })();
    return () => {
      disposed = true;
      map.current?.remove();
      map.current = null;
    };
  }, [agency, t]);

  useEffect(() => {
    const source = map.current?.getSource('point') as maplibregl.GeoJSONSource | undefined;
    source?.setData(pointFeature(value));
  }, [value]);

  if (failed)
    return (
      <Notice kind="warning">
        <p>{t('map.unavailable')}</p>
      </Notice>
    );
  return (
    <div className="point-picker">
      <div
        ref={container}
        className="point-picker-map"
        data-testid="complaint-map"
        data-loaded={loaded ? 'true' : 'false'}
      />
      <p className="hint">{t('map.help')}</p>
      <Button
        variant="secondary"
        onClick={() => {
          const c = map.current?.getCenter();
          if (c) onChange({ latitude: c.lat, longitude: c.lng });
        }}
        disabled={!loaded}
      >
        {t('map.centre')}
      </Button>
    </div>
  );
}
