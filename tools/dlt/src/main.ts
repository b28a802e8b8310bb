import { runDlt } from './dlt-command';

// `node dist/tools/dlt/main.js list`, or `npm run dlt -- list` from the repository.
runDlt(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then((code) => {
  process.exitCode = code;
});
