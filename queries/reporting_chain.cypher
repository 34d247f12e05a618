// title: Vem rapporterar till vem – kedjan uppåt från ett organ
// description: Från ett organ (namn, förkortning eller id): varje steg uppåt genom REPORTS_TO och PART_OF, med källa och citat för varje led.
// param: body = SocSam
// engines: ladybug, neo4j
MATCH (start:Body)
WHERE start.short = $body OR start.name = $body OR start.id = $body
MATCH (start)-[:REPORTS_TO|PART_OF*0..10]->(x:Body)-[r:REPORTS_TO]->(y:Body)
RETURN DISTINCT x.name AS body, 'rapporterar till' AS relation, y.name AS to_body, r.doc AS doc, r.para AS para, r.quote AS quote
UNION ALL
MATCH (start:Body)
WHERE start.short = $body OR start.name = $body OR start.id = $body
MATCH (start)-[:REPORTS_TO|PART_OF*0..10]->(x:Body)-[r:PART_OF]->(y:Body)
RETURN DISTINCT x.name AS body, 'är en del av' AS relation, y.name AS to_body, r.doc AS doc, r.para AS para, r.quote AS quote
