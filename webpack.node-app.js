const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join, relative } = require('path');

/**
 * The webpack config of one of this workspace's Node programs (the four services, the gateway, the
 * dead-letter tool): its src/main.ts bundled with our libs into dist/<its folder>, node_modules left
 * external, no minifying (readable stack traces), source maps. `options` adds to or overrides the
 * NxAppWebpackPlugin options (assets, extra entry points, no generated package.json).
 */
function nodeAppConfig(projectDir, options = {}) {
  return {
    output: {
      path: join(__dirname, 'dist', relative(__dirname, projectDir)),
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && {
        devtoolModuleFilenameTemplate: '[absolute-resource-path]',
      }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
        ...options,
      }),
    ],
  };
}

module.exports = { nodeAppConfig };
