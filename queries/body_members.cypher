// title: Alla i ett organ med roller och kommuner
// description: Ledamöter och ersättare (MEMBER_OF) i ett organ, med parti, roll, kommunen de representerar och källan.
// param: body = SocSam
// engines: ladybug, neo4j
MATCH (p:Person)-[r:MEMBER_OF]->(b:Body)
WHERE b.short = $body OR b.name = $body OR b.id = $body
OPTIONAL MATCH (p)-[:REPRESENTS]->(mu:Municipality)
RETURN p.name AS person, p.party AS party, r.role AS role, collect(DISTINCT mu.name) AS municipalities, r.doc AS doc, r.para AS para, r.quote AS quote
ORDER BY role, person
