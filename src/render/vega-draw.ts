/**
 * The part of Vega that draws a parsed figure: the View, the SVG renderer and the transforms
 * cj's figures use (vega-transforms, vega-view-transforms, vega-encode). Without Vega's parser,
 * its geo, hierarchy, force, label, regression, Voronoi, word cloud and crossfilter transforms,
 * this loads in about two thirds of the time `vega` takes (722 kB bundled against 1.1 MB).
 * The packages are the ones `vega` itself depends on, at its versions.
 */
import { transforms } from 'vega-dataflow';
import { context } from 'vega-runtime';
import * as encode from 'vega-encode';
import * as tx from 'vega-transforms';
import * as vtx from 'vega-view-transforms';

// As `vega` does, minus the transforms no figure of cj uses (renderNow checks a runtime's types).
Object.assign(transforms, tx, vtx, encode);

export { transforms };
export { View } from 'vega-view';
export { resetSVGDefIds, textMetrics } from 'vega-scenegraph';

/**
 * Vega's own code generator for the expressions of a dataflow (what a View uses unless given
 * another), taken from a bare runtime context: svg.ts makes each distinct expression once.
 */
export const expressionCodegen: unknown = context({ events: () => undefined }, {}).expr;
