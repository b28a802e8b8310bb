const { nodeAppConfig } = require('../../webpack.node-app');

module.exports = nodeAppConfig(__dirname, { assets: ['./src/assets'] });
