// title: Uppdragsregister
// description: Varje uppdrag med vem, vad, från vilket beslut och när det gavs, förfallodatum och status: öppet tills en senare paragraf återrapporterar det (med den paragrafens citat).
// engines: ladybug, neo4j
MATCH (src)-[g:ASSIGNS]->(a:Assignment)
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(who)
WITH src, g, a, collect(DISTINCT who.name) AS assigned_to
OPTIONAL MATCH (a)-[rb:REPORTED_IN]->(ri:AgendaItem)<-[:HAS_ITEM]-(rm:Meeting)
OPTIONAL MATCH (d:Document) WHERE d.id = g.doc
RETURN a.id AS id, a.task AS task, a.due AS due, assigned_to, d.date AS given, d.body AS body,
       CASE WHEN rb IS NULL THEN 'öppen' ELSE 'återrapporterad' END AS status, rm.date AS reported,
       g.doc AS doc, g.para AS para, g.start AS start, g.`end` AS stop, g.quote AS quote,
       rb.doc AS reported_doc, rb.para AS reported_para, rb.start AS reported_start, rb.`end` AS reported_stop,
       rb.quote AS reported_quote
ORDER BY status DESC, given, id
