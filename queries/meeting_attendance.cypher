// title: Närvaro vid ett organs möten
// description: Vem som deltog (och i vilken egenskap) eller var frånvarande vid organets möten, med paragrafintervall och citat.
// param: body = SocSam
// engines: ladybug, neo4j
MATCH (b:Body)-[:HELD]->(m:Meeting)<-[r:ATTENDED]-(p:Person)
WHERE b.short = $body OR b.name = $body OR b.id = $body
RETURN m.date AS date, p.name AS person, p.party AS party, r.role AS role, 'närvarande' AS status, r.paras AS paras, r.quote AS quote
UNION ALL
MATCH (b:Body)-[:HELD]->(m:Meeting)<-[r:ABSENT_FROM]-(p:Person)
WHERE b.short = $body OR b.name = $body OR b.id = $body
RETURN m.date AS date, p.name AS person, p.party AS party, r.role AS role, 'frånvarande' AS status, '' AS paras, r.quote AS quote
