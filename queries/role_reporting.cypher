// title: Vem rapporterar till vem – från en roll
// description: Roller (titel i ett organ eller en kommun) och vart de rapporterar, direkt eller via organet de finns i.
// param: title = förbundsstrateg
// engines: ladybug, neo4j
MATCH (p:Person)-[:HOLDS]->(role:Role)-[ri:ROLE_IN]->(org)
WHERE toLower(role.title) CONTAINS toLower($title)
OPTIONAL MATCH (role)-[r:REPORTS_TO]->(up:Body)
RETURN p.name AS person, role.title AS title, org.name AS in_org, up.name AS reports_to, ri.doc AS doc, ri.quote AS quote
ORDER BY person
