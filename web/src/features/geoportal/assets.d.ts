// Vite asset imports used by the geoportal (the worker script of MapLibre GL).
declare module '*?url' {
  const url: string;
  export default url;
}
