// The geoportal map (MapLibre GL, loaded only when the map is shown). It draws our own vector tiles
// (/tiles/…) over an optional basemap, so it works without internet. Everything it shows is also
// reachable without it: the search, the plan list and the indicative sheet are text.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { BBox, Geometry, GeoportalConfig, LayerKind, Position, VisiblePlan } from './api.ts';
import { FAMILY_COLOURS, LAYER_COLOURS } from './map-style.ts';

maplibregl.setWorkerUrl(workerUrl);

export type MapViewProps = {
  config: GeoportalConfig;
  plans: VisiblePlan[];
  visible: Record<LayerKind, boolean>;
  /** Move the view to this box when it changes. */
  focus: BBox | null;
  /** A parcel or point to outline. */
  highlight: Geometry | null;
  drawing: boolean;
  /** Vertices drawn so far (WGS 84). */
  draft: Position[];
  onZoneClick: (id: number) => void;
  onMapClick: (lonLat: [number, number]) => void;
  onDrawPoint: (lonLat: [number, number]) => void;
  labels: { canvas: string; zoomIn: string; zoomOut: string; resetBearing: string };
};

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const MOROCCO: BBox = [-17.2, 20.7, -1.0, 36.0];

const familyColour: maplibregl.ExpressionSpecification = [
  'match',
  ['get', 'family'],
  ...Object.entries(FAMILY_COLOURS).flat(),
  FAMILY_COLOURS.other as string,
] as unknown as maplibregl.ExpressionSpecification;

function planExtents(plans: VisiblePlan[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: plans
      .filter((p) => p.bbox)
      .map((p) => {
        const [w, s, e, n] = p.bbox as BBox;
        return {
          type: 'Feature',
          properties: { versionId: p.versionId },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [w, s],
                [e, s],
                [e, n],
                [w, n],
                [w, s],
              ],
            ],
          },
        };
      }),
  };
}

function planCentres(plans: VisiblePlan[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: plans
      .filter((p) => p.bbox)
      .map((p) => {
        const [w, s, e, n] = p.bbox as BBox;
        return {
          type: 'Feature',
          properties: { versionId: p.versionId },
          geometry: { type: 'Point', coordinates: [(w + e) / 2, (s + n) / 2] },
        };
      }),
  };
}

function style(config: GeoportalConfig, plans: VisiblePlan[]): maplibregl.StyleSpecification {
  const origin = window.location.origin;
  const tiles = (layer: string) => [`${origin}${config.tiles.url.replace('{layer}', layer)}`];
  const vector = (layer: string): maplibregl.VectorSourceSpecification => ({
    type: 'vector',
    tiles: tiles(layer),
    minzoom: config.tiles.minzoom,
    maxzoom: 16,
  });
  const sources: maplibregl.StyleSpecification['sources'] = {
    zones: vector('zones'),
    roads: vector('roads'),
    servitudes: vector('servitudes'),
    reservations: vector('reservations'),
    plans: { type: 'geojson', data: planExtents(plans) },
    planCentres: { type: 'geojson', data: planCentres(plans) },
    highlight: { type: 'geojson', data: EMPTY },
    draft: { type: 'geojson', data: EMPTY },
  };
  const layers: maplibregl.LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#f4f3f1' } },
  ];
  if (config.basemap) {
    sources.basemap = {
      type: 'raster',
      tiles: [config.basemap.url],
      tileSize: 256,
      attribution: config.basemap.attribution,
    };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  layers.push(
    {
      id: 'plans-outline',
      type: 'line',
      source: 'plans',
      maxzoom: 13,
      paint: { 'line-color': LAYER_COLOURS.plan, 'line-width': 2 },
    },
    {
      id: 'plans-fill',
      type: 'fill',
      source: 'plans',
      maxzoom: 12,
      paint: { 'fill-color': LAYER_COLOURS.plan, 'fill-opacity': 0.25 },
    },
    {
      id: 'plans-centre',
      type: 'circle',
      source: 'planCentres',
      maxzoom: 11,
      paint: {
        'circle-radius': 8,
        'circle-color': LAYER_COLOURS.plan,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'zones-fill',
      type: 'fill',
      source: 'zones',
      'source-layer': 'zones',
      paint: { 'fill-color': familyColour, 'fill-opacity': 0.65 },
    },
    {
      id: 'zones-line',
      type: 'line',
      source: 'zones',
      'source-layer': 'zones',
      paint: { 'line-color': '#ffffff', 'line-width': 0.6 },
    },
    {
      id: 'zones-enquiry',
      type: 'line',
      source: 'zones',
      'source-layer': 'zones',
      filter: ['==', ['get', 'state'], 'public_enquiry'],
      paint: { 'line-color': '#1d1d1b', 'line-width': 1.5, 'line-dasharray': [2, 2] },
    },
    {
      id: 'reservations-line',
      type: 'line',
      source: 'reservations',
      'source-layer': 'reservations',
      paint: { 'line-color': LAYER_COLOURS.reservations, 'line-width': 2 },
    },
    {
      id: 'alignments-fill',
      type: 'fill',
      source: 'roads',
      'source-layer': 'alignments',
      paint: { 'fill-color': LAYER_COLOURS.alignments, 'fill-opacity': 0.9 },
    },
    {
      id: 'roads-line',
      type: 'line',
      source: 'roads',
      'source-layer': 'roads',
      paint: {
        'line-color': LAYER_COLOURS.roads,
        'line-width': 1,
        'line-dasharray': ['match', ['get', 'status'], 'existing', ['literal', [1, 0]], ['literal', [3, 2]]],
      },
    },
    {
      id: 'servitudes-fill',
      type: 'fill',
      source: 'servitudes',
      'source-layer': 'servitudes',
      paint: { 'fill-color': LAYER_COLOURS.servitudes, 'fill-opacity': 0.18 },
    },
    {
      id: 'servitudes-line',
      type: 'line',
      source: 'servitudes',
      'source-layer': 'servitudes',
      paint: { 'line-color': LAYER_COLOURS.servitudes, 'line-width': 1.5, 'line-dasharray': [4, 2] },
    },
    {
      id: 'highlight-halo',
      type: 'line',
      source: 'highlight',
      paint: { 'line-color': '#ffdd00', 'line-width': 7 },
    },
    {
      id: 'highlight-line',
      type: 'line',
      source: 'highlight',
      paint: { 'line-color': LAYER_COLOURS.highlight, 'line-width': 3 },
    },
    {
      id: 'highlight-point',
      type: 'circle',
      source: 'highlight',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 7,
        'circle-color': '#ffdd00',
        'circle-stroke-color': '#1d1d1b',
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'draft-line',
      type: 'line',
      source: 'draft',
      paint: { 'line-color': LAYER_COLOURS.draft, 'line-width': 2.5 },
    },
    {
      id: 'draft-points',
      type: 'circle',
      source: 'draft',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 5,
        'circle-color': LAYER_COLOURS.draft,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2,
      },
    },
  );
  return { version: 8, sources, layers };
}

const LAYER_IDS: Record<LayerKind, string[]> = {
  zones: ['zones-fill', 'zones-line', 'zones-enquiry'],
  reservations: ['reservations-line'],
  servitudes: ['servitudes-fill', 'servitudes-line'],
  roads: ['alignments-fill', 'roads-line'],
};

function boundsOf(plans: VisiblePlan[]): BBox {
  const boxes = plans.map((p) => p.bbox).filter((b): b is BBox => Boolean(b));
  if (boxes.length === 0) return MOROCCO;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

function draftFeatures(draft: Position[]): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = draft.map((p) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: p },
  }));
  if (draft.length >= 2)
    features.push({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: draft.length >= 3 ? [...draft, draft[0] as Position] : draft,
      },
    });
  return { type: 'FeatureCollection', features };
}

export default function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // The map is made once; later props are applied by the effects below.
  useEffect(() => {
    if (!container.current) return;
    const { config, plans, labels } = latest.current;
    const m = new maplibregl.Map({
      container: container.current,
      style: style(config, plans),
      bounds: boundsOf(plans) as maplibregl.LngLatBoundsLike,
      fitBoundsOptions: { padding: 24 },
      maxZoom: 20,
      attributionControl: config.basemap ? { compact: true } : false,
      locale: {
        'Map.Title': labels.canvas,
        'NavigationControl.ZoomIn': labels.zoomIn,
        'NavigationControl.ZoomOut': labels.zoomOut,
        'NavigationControl.ResetBearing': labels.resetBearing,
      },
      dragRotate: false,
    });
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    m.on('click', (e) => {
      const lonLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
      if (latest.current.drawing) {
        latest.current.onDrawPoint(lonLat);
        return;
      }
      const zones = m.getLayer('zones-fill')
        ? m.queryRenderedFeatures(e.point, { layers: ['zones-fill'] })
        : [];
      const id = zones[0]?.id;
      if (typeof id === 'number') latest.current.onZoneClick(id);
      latest.current.onMapClick(lonLat);
    });
    m.on('mouseenter', 'zones-fill', () => {
      m.getCanvas().style.cursor = 'pointer';
    });
    m.on('mouseleave', 'zones-fill', () => {
      m.getCanvas().style.cursor = '';
    });
    // Browser tests wait for these: the style is loaded, and the view has finished drawing.
    m.on('load', () => m.getContainer().setAttribute('data-loaded', 'true'));
    m.on('movestart', () => m.getContainer().setAttribute('data-idle', 'false'));
    m.on('idle', () => m.getContainer().setAttribute('data-idle', 'true'));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  // Layer toggles
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const apply = () => {
      for (const [kind, ids] of Object.entries(LAYER_IDS) as [LayerKind, string[]][]) {
        for (const id of ids) {
          if (m.getLayer(id)) m.setLayoutProperty(id, 'visibility', props.visible[kind] ? 'visible' : 'none');
        }
      }
    };
    if (m.isStyleLoaded()) apply();
    else m.once('load', apply);
  }, [props.visible]);

  // Plan extents follow the plan list.
  useEffect(() => {
    const source = map.current?.getSource('plans') as maplibregl.GeoJSONSource | undefined;
    source?.setData(planExtents(props.plans));
    (map.current?.getSource('planCentres') as maplibregl.GeoJSONSource | undefined)?.setData(
      planCentres(props.plans),
    );
  }, [props.plans]);

  useEffect(() => {
    if (props.focus)
      map.current?.fitBounds(props.focus as maplibregl.LngLatBoundsLike, { padding: 60, maxZoom: 18 });
  }, [props.focus]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const apply = () =>
      (m.getSource('highlight') as maplibregl.GeoJSONSource | undefined)?.setData(
        props.highlight
          ? { type: 'Feature', properties: {}, geometry: props.highlight as GeoJSON.Geometry }
          : EMPTY,
      );
    if (m.isStyleLoaded()) apply();
    else m.once('load', apply);
  }, [props.highlight]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const apply = () =>
      (m.getSource('draft') as maplibregl.GeoJSONSource | undefined)?.setData(draftFeatures(props.draft));
    if (m.isStyleLoaded()) apply();
    else m.once('load', apply);
    m.getCanvas().style.cursor = props.drawing ? 'crosshair' : '';
    if (props.drawing) m.doubleClickZoom.disable();
    else m.doubleClickZoom.enable();
  }, [props.draft, props.drawing]);

  return <div ref={container} className="geo-map" data-testid="geoportal-map" />;
}
