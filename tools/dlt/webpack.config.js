const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// The dead-letter command as one file for production pods: `node dist/tools/dlt/main.js list`.
// node_modules stay external; it needs only kafkajs, zod and tslib, which every service image has
// (so no generated package.json: Nx would list all of service-kit's dependencies).
module.exports = {
  output: { path: join(__dirname, '../../dist/tools/dlt'), clean: true },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
    }),
  ],
};
