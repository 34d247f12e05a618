// Check Cypher statements with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
// Input (stdin): JSON {"schema": {labels, relationshipTypes, propertyKeys}, "queries": [{"name", "text", "params"}]}.
// Output (stdout): JSON [{"name", "diagnostics": [{"severity", "message", "start", "end"}]}].
// Neo4j's built-in functions and procedures come from the package's own registry (testData.mockSchema), so a
// function Neo4j does not have -- the embedded engine's label(r) -- is reported.
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const { schema, queries } = JSON.parse(input);
const out = queries.map(({ name, text, params }) => {
  const dbSchema = {
    functions: testData.mockSchema.functions,
    procedures: testData.mockSchema.procedures,
    labels: schema.labels,
    relationshipTypes: schema.relationshipTypes,
    propertyKeys: schema.propertyKeys,
    parameters: params || {},
  };
  const { diagnostics } = lintCypherQuery(text, dbSchema);
  return {
    name,
    diagnostics: diagnostics.map((d) => ({ severity: d.severity, message: d.message, start: d.offsets?.start, end: d.offsets?.end })),
  };
});
process.stdout.write(JSON.stringify(out));
