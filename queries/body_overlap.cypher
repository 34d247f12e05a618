// title: Överlapp mellan organ
// description: Par av organ med gemensamma ledamöter: antal delade personer och en vikt efter roll (ordförande 3, vice ordförande och ledamot 2, ersättare och annan roll 1 – den lägre av personens två roller räknas).
// engines: ladybug, neo4j
MATCH (a:Body)<-[ra:MEMBER_OF]-(p:Person)-[rb:MEMBER_OF]->(b:Body)
WHERE a.id < b.id
WITH a, b, p,
     max(CASE WHEN ra.role = 'ordförande' THEN 3 WHEN ra.role CONTAINS 'ordförande' OR ra.role = 'ledamot' THEN 2 ELSE 1 END) AS wa,
     max(CASE WHEN rb.role = 'ordförande' THEN 3 WHEN rb.role CONTAINS 'ordförande' OR rb.role = 'ledamot' THEN 2 ELSE 1 END) AS wb
WITH a, b, count(p) AS shared, sum(CASE WHEN wa < wb THEN wa ELSE wb END) AS weight, collect(p.name) AS persons
RETURN a.id AS a, b.id AS b, a.name AS body_a, b.name AS body_b, shared, weight, persons
ORDER BY weight DESC, shared DESC, body_a, body_b
