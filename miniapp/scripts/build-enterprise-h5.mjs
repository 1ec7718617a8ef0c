#!/usr/bin/env node
// Builds the enterprise H5 entry (src/enterprise/h5/main.tsx) into the H5 output, beside Taro's
// build (run after `taro build --type h5`, which empties the folder): `enterprise.html`, one script
// and one stylesheet, hashed like Taro's. The pages are the enterprise subpackage's own; here
// `@tarojs/taro` and `@tarojs/components` resolve to the small stand-ins in src/enterprise/h5/ and
// React to Preact's compatible build, so the page costs a few KiB instead of Taro's H5 runtime and
// React DOM. Styles go through the px → rem conversion Taro's H5 build applies (config/design.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import CssMinimizerPlugin from 'css-minimizer-webpack-plugin';
import autoprefixer from 'autoprefixer';
import postcssImport from 'postcss-import';
import pxtransform from 'postcss-pxtransform';

const require = createRequire(import.meta.url);
const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(appDir, 'src');
const sharedDist = resolve(appDir, '../shared/dist');
const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
const design = JSON.parse(readFileSync(join(appDir, 'config/design.json'), 'utf8'));
// As config/index.ts: TARO_OUTPUT_ROOT keeps parallel builds apart.
const outputDir = resolve(appDir, process.env.TARO_OUTPUT_ROOT || 'dist/h5');
const PUBLIC_PATH = '/h5/';
const shim = (file) => join(srcDir, 'enterprise/h5', file);

const postcssOwn = {
  loader: 'postcss-loader',
  options: {
    postcssOptions: {
      plugins: [
        postcssImport(),
        autoprefixer({ flexbox: 'no-2009' }),
        pxtransform({ platform: 'h5', designWidth: design.designWidth, deviceRatio: design.deviceRatio }),
      ],
    },
  },
};

/** @type {import('webpack').Configuration} */
const config = {
  mode: 'production',
  context: appDir,
  target: 'browserslist',
  entry: { enterprise: shim('main.tsx') },
  output: {
    path: outputDir,
    publicPath: PUBLIC_PATH,
    filename: 'js/[name].[contenthash:8].js',
    // Taro's build is in the same folder.
    clean: false,
  },
  resolve: {
    extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
    alias: {
      '@tarojs/taro$': shim('taro.ts'),
      '@tarojs/components$': shim('components.tsx'),
      react$: 'preact/compat',
      'react-dom$': 'preact/compat',
      'react-dom/client$': 'preact/compat/client',
      'react/jsx-runtime$': 'preact/jsx-runtime',
    },
  },
  module: {
    // A page importing something the stand-ins lack fails the build here, not on a phone.
    parser: { javascript: { exportsPresence: 'error' } },
    rules: [
      {
        test: /\.(tsx?|m?js)$/,
        include: [srcDir, sharedDist],
        use: {
          loader: require.resolve('babel-loader'),
          options: {
            babelrc: false,
            configFile: false,
            presets: [
              [require.resolve('@babel/preset-env'), { targets: pkg.browserslist, bugfixes: true, modules: false }],
              [require.resolve('@babel/preset-react'), { runtime: 'automatic' }],
              [require.resolve('@babel/preset-typescript'), { isTSX: true, allExtensions: true, onlyRemoveTypeImports: false }],
            ],
          },
        },
      },
      { test: /\.css$/, include: [srcDir], use: [MiniCssExtractPlugin.loader, { loader: 'css-loader', options: { importLoaders: 1 } }, postcssOwn] },
      // Taro's component stylesheets, as its runtime injects them: unconverted.
      { test: /\.css$/, exclude: [srcDir], use: [MiniCssExtractPlugin.loader, 'css-loader'] },
    ],
  },
  plugins: [
    new webpack.DefinePlugin({
      'process.env.TARO_ENV': JSON.stringify('h5'),
      'process.env.TARO_APP_API_BASE': JSON.stringify(''),
    }),
    new webpack.ProvidePlugin({ definePageConfig: [shim('taro.ts'), 'definePageConfig'] }),
    new MiniCssExtractPlugin({ filename: 'css/[name].[contenthash:8].css', ignoreOrder: true }),
  ],
  optimization: {
    minimizer: ['...', new CssMinimizerPlugin()],
    // One script: every further chunk would be one more round trip on a slow network.
    splitChunks: false,
    runtimeChunk: false,
  },
  performance: { hints: false },
  devtool: false,
};

const stats = await new Promise((done, fail) => webpack(config, (error, result) => (error ? fail(error) : done(result))));
if (stats.hasErrors()) {
  console.error(stats.toString({ all: false, errors: true, errorDetails: true }));
  process.exit(1);
}
const files = stats.toJson({ all: false, entrypoints: true }).entrypoints.enterprise.assets.map((asset) => asset.name);
const tags = [
  ...files.filter((file) => file.endsWith('.css')).map((file) => `<link href="${PUBLIC_PATH}${file}" rel="stylesheet">`),
  ...files.filter((file) => file.endsWith('.js')).map((file) => `<script defer="defer" src="${PUBLIC_PATH}${file}"></script>`),
];
// The full app's page, its head kept (the root font size is set by the script itself).
const template = readFileSync(join(srcDir, 'index.html'), 'utf8');
const html = template.replace(/<script><%=[^%]*%><\/script>/, tags.join('')).replace(/\n\s*/g, '');
if (html === template.replace(/\n\s*/g, '')) throw new Error('src/index.html has changed: the place for the scripts was not found');
writeFileSync(join(outputDir, 'enterprise.html'), html);
console.log(`enterprise H5 entry: enterprise.html, ${files.join(', ')}`);
