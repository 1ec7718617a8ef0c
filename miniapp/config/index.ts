import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import design from './design.json';
import { ExternalInlineScripts } from './external-inline-scripts';

/** Where the mini-program sends API calls unless the build is given TARO_APP_API_BASE. */
const DEFAULT_API_BASE = 'http://127.0.0.1:3000';

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'mashang-miniapp',
    // Styles are written in px for a 375px-wide phone; Taro turns them into rpx (weapp) and rem (h5).
    // design.json, because scripts/build-enterprise-h5.mjs converts the enterprise pages' px alike.
    designWidth: design.designWidth,
    deviceRatio: design.deviceRatio,
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets parallel builds (e.g. one per worktree) keep apart.
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    framework: 'react',
    compiler: 'webpack5',
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || DEFAULT_API_BASE),
    },
    // @mashang/shared ships ES2022; run it through Babel too so older phones' engines can load it.
    compile: {
      include: [path.resolve(__dirname, '../../shared/dist')],
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
      // Pages import the shared components in different orders; no component's styles depend on
      // another's order (a page adjusts a component through its own root class), so the shared
      // stylesheet may take them in any order.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      // The NestJS server serves this build statically under /h5/ on the API's own origin.
      publicPath: '/h5/',
      staticDirectory: 'static',
      // Hash routing, so the static server needs no fallback rule for deep links.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page bundled its own copy of
        // the H5 components (~60 KB each); split async chunks too, to share one copy.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
        // No inline script in the pages: the server's Content-Security-Policy allows none.
        chain.plugin('external-inline-scripts').use(ExternalInlineScripts);
      },
      // `npm run dev:h5` serves the app itself; pass API calls on to a locally running server.
      devServer: {
        proxy: [{ context: ['/api'], target: process.env.TARO_APP_API_BASE || DEFAULT_API_BASE }],
      },
    },
  };
  return config;
});
