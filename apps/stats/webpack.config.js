const { join } = require('path');
const { nodeAppConfig } = require('../../webpack.node-app');

module.exports = nodeAppConfig(__dirname, {
  assets: ['./src/assets'],
  // The rebuild command, runnable from the built output: node dist/apps/stats/rebuild.js
  additionalEntryPoints: [{ entryName: 'rebuild', entryPath: join(__dirname, 'src/rebuild/rebuild.main.ts') }],
});
