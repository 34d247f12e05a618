// title: Beslut och uppdrag vid ett möte
// description: Varje punkt vid ett organs möte med beslut, uppdrag och vem uppdraget gick till. Ange organ och datum (ÅÅÅÅ-MM-DD).
// param: body = SocSam
// param: date = 2023-10-13
// engines: ladybug, neo4j
MATCH (b:Body)-[:HELD]->(m:Meeting)-[:HAS_ITEM]->(i:AgendaItem)-[:HAS_DECISION]->(d:Decision)
WHERE (b.short = $body OR b.name = $body OR b.id = $body) AND m.date = $date
OPTIONAL MATCH (d)-[:ASSIGNS]->(a:Assignment)-[:ASSIGNED_TO]->(who)
RETURN i.number AS para, i.title AS item, d.number AS decision_no, d.text AS decision, a.task AS assignment, a.due AS due, collect(who.name) AS assigned_to
ORDER BY para, decision_no
