// The generated client's types for the OpenAPI document read on stdin. Its own ES module, run by Node directly:
// openapi-typescript and its dependencies are ES modules that the test runner would otherwise have to compile.
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER =
  "// Generated from the service's own OpenAPI document by `npm run web:client`. Do not edit.\n\n";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const ast = await openapiTS(document, {
  alphabetize: true,
  exportType: true,
  // A default is what the server fills in when a request leaves the field out: optional to send.
  defaultNonNullable: false,
});
process.stdout.write(HEADER + astToString(ast));
