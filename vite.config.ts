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

/**
 * Makes the page ask for the modules it always loads while it still reads its HTML, as
 * `<link rel="modulepreload">`, instead of one after the other: the entry imports Flow's bootstrap,
 * the app's imports and Flow's client in turn, and the app's imports load the view's chunk only
 * when the server names it. Which files those are is read from the bundle as it is written, so the
 * links always name the current files. The chunks the view itself imports later (OpenTok.js, the
 * call screen, the frame's bridge) are not preloaded.
 */
function preloadStartChunks(): Plugin {
  return {
    name: 'e2ee-call:preload-start-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk }) {
        if (!bundle || !chunk) {
          return html;
        }
        const built = (fileName: string) => {
          const output = bundle[fileName];
          return output?.type === 'chunk' ? (output as unknown as BuiltChunk) : undefined;
        };
        const entry = chunk as unknown as BuiltChunk;
        const started = entry.dynamicImports.map(built).filter((output) => output !== undefined);
        // the views' chunks, which generated-flow-imports loads on demand
        const views = started
          .filter((output) => output.name === 'generated-flow-imports')
          .flatMap((output) => output.dynamicImports.map(built).filter((view) => view !== undefined));
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
