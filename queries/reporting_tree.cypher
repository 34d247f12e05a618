// title: Hela rapporterings- och beredningsstrukturen
// description: Alla uttalade relationer mellan organ: rapporterar till, bereder åt, är en del av, efterträdde – med dokument, paragraf och citat.
// engines: ladybug, neo4j
MATCH (a:Body)-[r:REPORTS_TO]->(b:Body)
RETURN a.name AS body, 'rapporterar till' AS relation, b.name AS to_body, r.doc AS doc, r.para AS para, r.quote AS quote
UNION ALL
MATCH (a:Body)-[r:PREPARES_FOR]->(b:Body)
RETURN a.name AS body, 'bereder åt' AS relation, b.name AS to_body, r.doc AS doc, r.para AS para, r.quote AS quote
UNION ALL
MATCH (a:Body)-[r:PART_OF]->(b:Body)
RETURN a.name AS body, 'är en del av' AS relation, b.name AS to_body, r.doc AS doc, r.para AS para, r.quote AS quote
UNION ALL
MATCH (a:Body)-[r:SUCCEEDED]->(b:Body)
RETURN a.name AS body, 'efterträdde' AS relation, b.name AS to_body, r.doc AS doc, r.para AS para, r.quote AS quote
