// Preloaded with --require: records every CommonJS file that gets loaded (see loads.test.ts).
const Module = require('node:module');
const { appendFileSync } = require('node:fs');

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const file = Module._resolveFilename(request, parent, isMain);
  if (process.env.CXM_TRACE_FILE) appendFileSync(process.env.CXM_TRACE_FILE, `${file}\n`);
  return load.call(this, request, parent, isMain);
};
