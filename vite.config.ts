// Vite's settings for Vaadin's build of frontend/: Vaadin's own (vite.generated.ts, written by every
// build) with one plugin added. Vaadin keeps this file as it is once it exists.
import type { Plugin, UserConfigFn } from 'vite';
import { overrideVaadinConfig } from './vite.generated';

/** The part of a Rolldown output chunk read here. */
interface BuiltChunk {
  type: 'chunk';
  name: string;
  fileName: string;
  imports: string[];
  dynamicImports: string[];
}

const PRELOAD_PLUGIN = 'e2ee-call:preload-start-chunks';
/** Vaadin's chunk that loads the views' chunks on demand (frontend/generated/flow/generated-flow-imports.js). */
const FLOW_IMPORTS_CHUNK = 'generated-flow-imports';

/**
 * Makes the page ask for the modules it always loads while it still reads its HTML, as
 * `<link rel="modulepreload">`, instead of one after the other: the entry imports Flow's bootstrap,
 * the app's imports and Flow's client in turn, and the app's imports load the view's chunk only
 * when the server names it. Which files those are is read from the bundle as it is written, so the
 * links always name the current files. The chunks the view itself imports later (OpenTok.js, the
 * engines, the call screen, the frame's bridge) are not preloaded. When the bundle is not as
 * expected (Vaadin renamed its chunks, say), the build fails rather than ship a page without links.
 */
function preloadStartChunks(): Plugin {
  return {
    name: PRELOAD_PLUGIN,
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle, chunk }) {
        // the page for exported web components, which this app has none of, starts no views
        if (path.endsWith('/web-component.html')) {
          return html;
        }
        if (!bundle || !chunk) {
          throw new Error(`${PRELOAD_PLUGIN}: no bundle to read the start chunks of index.html from`);
        }
        const built = (fileName: string) => {
          const output = bundle[fileName];
          return output?.type === 'chunk' ? (output as unknown as BuiltChunk) : undefined;
        };
        const entry = chunk as unknown as BuiltChunk;
        const started = entry.dynamicImports.map(built).filter((output) => output !== undefined);
        // the views' chunks, which Vaadin's flow imports load on demand
        const flowImports = started.filter((output) => output.name === FLOW_IMPORTS_CHUNK);
        if (flowImports.length === 0) {
          throw new Error(
            `${PRELOAD_PLUGIN}: the entry chunk ${entry.fileName} loads no chunk named ${FLOW_IMPORTS_CHUNK}; ` +
              `it loads ${started.map((output) => output.name).join(', ') || 'none'}. ` +
              'Did Vaadin rename it? Update FLOW_IMPORTS_CHUNK in vite.config.ts.'
          );
        }
        const views = flowImports.flatMap((output) =>
          output.dynamicImports.map(built).filter((view) => view !== undefined)
        );
        const wanted = new Set<string>();
        const add = (output: BuiltChunk) => {
          if (output.fileName === entry.fileName || wanted.has(output.fileName)) {
            return;
          }
          wanted.add(output.fileName);
          output.imports.map(built).forEach((imported) => imported && add(imported));
        };
        [...started, ...views].forEach(add);
        const linked = [...wanted].filter((fileName) => !html.includes(fileName));
        if (views.length === 0) {
          throw new Error(`${PRELOAD_PLUGIN}: ${FLOW_IMPORTS_CHUNK} loads no view chunks to preload`);
        }
        return linked.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const
        }));
      }
    }
  };
}

const customConfig: UserConfigFn = () => ({
  plugins: [preloadStartChunks()]
});

export default overrideVaadinConfig(customConfig);
