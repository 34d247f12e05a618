// title: En persons roller över tid
// description: Titlar och uppdrag en person har haft, med det datum källan anger (ett val eller mötets datum), äldst först. Ange en del av namnet.
// param: person = Lennart Raswill
// engines: ladybug, neo4j
MATCH (p:Person)-[h:HOLDS]->(ro:Role)-[:ROLE_IN]->(o)
WHERE toLower(p.name) CONTAINS toLower($person)
RETURN p.name AS person, h.date AS date, ro.title AS role, o.name AS org, h.doc AS doc, h.para AS para,
       h.quote AS quote
ORDER BY date, role
