/**
 * All of Vega, Vega-Lite and Vega's drawing part (vega-draw.ts) as one script of the built CLI
 * (dist/bundle/vega-full.cjs, scripts/build.mjs), sharing one copy of each Vega package: what a
 * run loads to compile a figure of a shape the build did not compile (svg.ts).
 */
export * as vega from 'vega';
export * as vegaLite from 'vega-lite';
export * as draw from './vega-draw.js';
