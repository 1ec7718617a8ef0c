import { createHash } from 'node:crypto';
import type { Compiler } from 'webpack';

const NAME = 'ExternalInlineScripts';
/** A <script> with a body and no src (attributes kept). */
const INLINE_SCRIPT = /<script((?:(?!\bsrc=)[^>])*)>([\s\S]+?)<\/script>/g;

/**
 * Moves each inline <script> of the built HTML pages (Taro writes its root font-size script inline)
 * into a file of its own, loaded at the same place and still before the app's deferred bundles, so the
 * pages run under a Content-Security-Policy whose script-src has no 'unsafe-inline'. The file's name
 * carries a hash of its content, like the bundles', and is cached as long.
 */
export class ExternalInlineScripts {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After html-webpack-plugin has written the pages (PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE).
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, (assets) => {
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/';
        for (const page of Object.keys(assets).filter((name) => name.endsWith('.html'))) {
          const html = assets[page].source().toString();
          const external = html.replace(INLINE_SCRIPT, (_whole, attributes: string, code: string) => {
            const file = `js/inline.${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
            if (!compilation.getAsset(file)) compilation.emitAsset(file, new sources.RawSource(code));
            return `<script${attributes} src="${publicPath}${file}"></script>`;
          });
          if (external !== html) compilation.updateAsset(page, new sources.RawSource(external));
        }
      });
    });
  }
}
