// Vega's packages that src/render/vega-draw.ts imports ship no typings of their own (`vega`
// has them for the whole); what cj uses of them is typed where it is used (svg.ts).
declare module 'vega-dataflow';
declare module 'vega-encode';
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-view';
declare module 'vega-scenegraph';
declare module 'vega-runtime';
