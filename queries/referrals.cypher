// title: Remisser och överlämnanden mellan organ
// description: Varje gång en punkt eller ett beslut skickar en fråga vidare till ett annat organ ("överlämnas till", "lyfts till", "bereds"), med citat.
// engines: ladybug, neo4j
MATCH (a:Body)-[:HELD]->(m:Meeting)-[:HAS_ITEM]->(i:AgendaItem)-[r:REFERRED_TO]->(b:Body)
RETURN a.name AS from_body, m.date AS date, i.number AS para, r.verb AS verb, b.name AS to_body, r.quote AS quote, r.doc AS doc
UNION ALL
MATCH (a:Body)-[:HELD]->(m:Meeting)-[:HAS_ITEM]->(i:AgendaItem)-[:HAS_DECISION]->(d:Decision)-[r:REFERRED_TO]->(b:Body)
RETURN a.name AS from_body, m.date AS date, i.number AS para, r.verb AS verb, b.name AS to_body, r.quote AS quote, r.doc AS doc
