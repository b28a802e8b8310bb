const { nodeAppConfig } = require('../../webpack.node-app');

// The dead-letter command as one file for production pods: `node dist/tools/dlt/main.js list`.
// node_modules stay external; it needs only kafkajs, zod and tslib, which every service image has
// (so no generated package.json: Nx would list all of service-kit's dependencies).
module.exports = nodeAppConfig(__dirname, { generatePackageJson: false });
