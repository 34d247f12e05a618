// title: Uppdrag – vem, vad, från vilket beslut
// description: Alla uppdrag med ansvariga, förfallodatum och beslutet eller punkten de kommer från.
// engines: ladybug, neo4j
MATCH (src)-[g:ASSIGNS]->(a:Assignment)
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(who)
RETURN a.task AS task, a.due AS due, collect(who.name) AS assigned_to, src.id AS source, g.doc AS doc, g.para AS para, g.quote AS quote
ORDER BY doc, para
