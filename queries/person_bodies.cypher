// title: En persons organ och roller
// description: Organ en person sitter i (MEMBER_OF) och roller hen har (HOLDS → ROLE_IN), med källa. Ange en del av namnet.
// param: person = Margareta Winberg
// engines: ladybug, neo4j
MATCH (p:Person)-[r:MEMBER_OF]->(b:Body)
WHERE toLower(p.name) CONTAINS toLower($person)
RETURN p.name AS person, 'ledamot i' AS relation, r.role AS role, b.name AS org, r.doc AS doc, r.quote AS quote
UNION ALL
MATCH (p:Person)-[r:HOLDS]->(ro:Role)-[:ROLE_IN]->(o)
WHERE toLower(p.name) CONTAINS toLower($person)
RETURN p.name AS person, 'har rollen' AS relation, ro.title AS role, o.name AS org, r.doc AS doc, r.quote AS quote
